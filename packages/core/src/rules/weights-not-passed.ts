import { defineRule } from './rule.js';

/** CSM413: TODO one line. */
export const rule = defineRule({
  id: 'CSM413',
  name: 'weights-not-passed',
  severity: 'info',
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
