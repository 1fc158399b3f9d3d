import { defineRule } from './rule.js';

/** CSM301: TODO one line. */
export const rule = defineRule({
  id: 'CSM301',
  name: 'duplicate-metric-name',
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
