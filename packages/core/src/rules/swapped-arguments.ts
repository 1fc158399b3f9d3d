import { defineRule } from './rule.js';

/** CSM414: TODO one line. */
export const rule = defineRule({
  id: 'CSM414',
  name: 'swapped-arguments',
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
