import { defineRule } from './rule.js';

/** CSM416: TODO one line. */
export const rule = defineRule({
  id: 'CSM416',
  name: 'non-numeric-return',
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
