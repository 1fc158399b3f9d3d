import { defineRule } from './rule.js';

/** CSM305: TODO one line. */
export const rule = defineRule({
  id: 'CSM305',
  name: 'invalid-entry-point',
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
