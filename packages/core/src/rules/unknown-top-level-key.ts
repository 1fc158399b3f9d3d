import { defineRule } from './rule.js';

/** CSM204: TODO one line. */
export const rule = defineRule({
  id: 'CSM204',
  name: 'unknown-top-level-key',
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
