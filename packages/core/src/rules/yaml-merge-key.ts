import { defineRule } from './rule.js';

/** CSM104: TODO one line. */
export const rule = defineRule({
  id: 'CSM104',
  name: 'yaml-merge-key',
  severity: 'warning',
  fixable: false,
  group: 'yaml',
  docs: {
    summary: 'TODO',
    why: 'TODO',
    bad: {},
    good: {},
    fix: 'TODO',
  },
  messages: { default: 'TODO' },
  check() {},
});
