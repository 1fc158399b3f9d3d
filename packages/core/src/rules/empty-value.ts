import { defineRule } from './rule.js';

/** CSM214: TODO one line. */
export const rule = defineRule({
  id: 'CSM214',
  name: 'empty-value',
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
