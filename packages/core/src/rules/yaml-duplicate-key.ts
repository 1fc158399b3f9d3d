import { defineRule } from './rule.js';

/** CSM101: TODO one line. */
export const rule = defineRule({
  id: 'CSM101',
  name: 'yaml-duplicate-key',
  severity: 'error',
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
