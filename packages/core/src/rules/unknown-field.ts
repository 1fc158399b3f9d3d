import { defineRule } from './rule.js';

/** CSM212: TODO one line. */
export const rule = defineRule({
  id: 'CSM212',
  name: 'unknown-field',
  severity: 'warning',
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
