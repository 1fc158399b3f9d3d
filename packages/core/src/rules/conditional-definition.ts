import { defineRule } from './rule.js';

/** CSM404: TODO one line. */
export const rule = defineRule({
  id: 'CSM404',
  name: 'conditional-definition',
  severity: 'warning',
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
