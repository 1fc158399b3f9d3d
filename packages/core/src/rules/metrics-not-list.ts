import { defineRule } from './rule.js';

/** CSM202: TODO one line. */
export const rule = defineRule({
  id: 'CSM202',
  name: 'metrics-not-list',
  severity: 'error',
  fixable: false,
  group: 'structure',
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
