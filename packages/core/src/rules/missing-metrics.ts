import { defineRule } from './rule.js';

/** CSM201: TODO one line. */
export const rule = defineRule({
  id: 'CSM201',
  name: 'missing-metrics',
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
