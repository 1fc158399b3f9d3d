import { defineRule } from './rule.js';

/** CSM500: TODO one line. */
export const rule = defineRule({
  id: 'CSM500',
  name: 'run-import-failed',
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
