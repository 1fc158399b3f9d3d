import { defineRule } from './rule.js';

/** CSM412: TODO one line. */
export const rule = defineRule({
  id: 'CSM412',
  name: 'weights-not-accepted',
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
