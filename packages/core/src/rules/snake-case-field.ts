import { defineRule } from './rule.js';

/** CSM213: TODO one line. */
export const rule = defineRule({
  id: 'CSM213',
  name: 'snake-case-field',
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
