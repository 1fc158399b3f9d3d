import { defineRule } from './rule.js';

/** CSM210: TODO one line. */
export const rule = defineRule({
  id: 'CSM210',
  name: 'missing-required-field',
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
