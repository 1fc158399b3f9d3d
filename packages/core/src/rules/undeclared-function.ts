import { defineRule } from './rule.js';

/** CSM417: TODO one line. */
export const rule = defineRule({
  id: 'CSM417',
  name: 'undeclared-function',
  severity: 'hint',
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
