import { defineRule } from './rule.js';

/** CSM307: TODO one line. */
export const rule = defineRule({
  id: 'CSM307',
  name: 'name-entry-point-mismatch',
  severity: 'warning',
  fixable: false,
  group: 'metric',
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
