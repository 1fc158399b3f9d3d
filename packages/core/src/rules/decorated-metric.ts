import { defineRule } from './rule.js';

/** CSM415: TODO one line. */
export const rule = defineRule({
  id: 'CSM415',
  name: 'decorated-metric',
  severity: 'info',
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
