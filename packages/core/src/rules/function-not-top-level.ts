import { defineRule } from './rule.js';

/** CSM402: TODO one line. */
export const rule = defineRule({
  id: 'CSM402',
  name: 'function-not-top-level',
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
