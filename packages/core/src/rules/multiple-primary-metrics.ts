import { defineRule } from './rule.js';

/** CSM304: TODO one line. */
export const rule = defineRule({
  id: 'CSM304',
  name: 'multiple-primary-metrics',
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
