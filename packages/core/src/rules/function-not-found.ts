import { defineRule } from './rule.js';

/** CSM401: TODO one line. */
export const rule = defineRule({
  id: 'CSM401',
  name: 'function-not-found',
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
