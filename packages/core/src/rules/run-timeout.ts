import { defineRule } from './rule.js';

/** CSM503: TODO one line. */
export const rule = defineRule({
  id: 'CSM503',
  name: 'run-timeout',
  severity: 'error',
  fixable: false,
  group: 'run',
  implemented: false,
  reportedBy: 'run',
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
