import { defineRule } from './rule.js';

/** CSM502: TODO one line. */
export const rule = defineRule({
  id: 'CSM502',
  name: 'run-non-finite',
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
