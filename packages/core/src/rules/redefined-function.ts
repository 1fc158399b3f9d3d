import { defineRule } from './rule.js';

/** CSM405: TODO one line. */
export const rule = defineRule({
  id: 'CSM405',
  name: 'redefined-function',
  severity: 'warning',
  fixable: false,
  group: 'python',
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
