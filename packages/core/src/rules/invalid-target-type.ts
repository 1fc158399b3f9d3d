import { defineRule } from './rule.js';

/** CSM215: TODO one line. */
export const rule = defineRule({
  id: 'CSM215',
  name: 'invalid-target-type',
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
