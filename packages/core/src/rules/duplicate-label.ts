import { defineRule } from './rule.js';

/** CSM302: TODO one line. */
export const rule = defineRule({
  id: 'CSM302',
  name: 'duplicate-label',
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
