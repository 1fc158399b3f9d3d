import { defineRule } from './rule.js';

/** CSM100: TODO one line. */
export const rule = defineRule({
  id: 'CSM100',
  name: 'yaml-syntax',
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
