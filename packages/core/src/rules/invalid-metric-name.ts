import { defineRule } from './rule.js';

/** CSM300: TODO one line. */
export const rule = defineRule({
  id: 'CSM300',
  name: 'invalid-metric-name',
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
