import { defineRule } from './rule.js';

/** CSM303: TODO one line. */
export const rule = defineRule({
  id: 'CSM303',
  name: 'no-primary-metric',
  severity: 'error',
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
