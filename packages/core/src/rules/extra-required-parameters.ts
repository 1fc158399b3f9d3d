import { defineRule } from './rule.js';

/** CSM411: TODO one line. */
export const rule = defineRule({
  id: 'CSM411',
  name: 'extra-required-parameters',
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
