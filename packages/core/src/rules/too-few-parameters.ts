import { defineRule } from './rule.js';

/** CSM410: TODO one line. */
export const rule = defineRule({
  id: 'CSM410',
  name: 'too-few-parameters',
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
