import { defineRule } from './rule.js';

/** CSM403: TODO one line. */
export const rule = defineRule({
  id: 'CSM403',
  name: 'unverifiable-callable',
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
