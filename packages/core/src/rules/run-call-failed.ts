import { defineRule } from './rule.js';

/** CSM501: TODO one line. */
export const rule = defineRule({
  id: 'CSM501',
  name: 'run-call-failed',
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
