import { defineRule } from './rule.js';

/** CSM105: TODO one line. */
export const rule = defineRule({
  id: 'CSM105',
  name: 'yaml-alias-limit',
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
