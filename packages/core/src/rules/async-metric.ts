import { defineRule } from './rule.js';

/** CSM406: TODO one line. */
export const rule = defineRule({
  id: 'CSM406',
  name: 'async-metric',
  severity: 'error',
  fixable: false,
  group: 'python',
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
