import { defineRule } from './rule.js';

/** CSM211: TODO one line. */
export const rule = defineRule({
  id: 'CSM211',
  name: 'wrong-type',
  severity: 'error',
  fixable: false,
  group: 'structure',
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
