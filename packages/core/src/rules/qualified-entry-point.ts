import { defineRule } from './rule.js';

/** CSM306: TODO one line. */
export const rule = defineRule({
  id: 'CSM306',
  name: 'qualified-entry-point',
  severity: 'info',
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
