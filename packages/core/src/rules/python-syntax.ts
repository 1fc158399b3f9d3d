import { defineRule } from './rule.js';

/** CSM400: TODO one line. */
export const rule = defineRule({
  id: 'CSM400',
  name: 'python-syntax',
  severity: 'error',
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
