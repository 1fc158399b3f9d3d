import { defineRule } from './rule.js';

/** CSM203: TODO one line. */
export const rule = defineRule({
  id: 'CSM203',
  name: 'metrics-count',
  severity: 'error',
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
