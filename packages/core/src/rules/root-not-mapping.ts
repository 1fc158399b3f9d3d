import { defineRule } from './rule.js';

/** CSM200: TODO one line. */
export const rule = defineRule({
  id: 'CSM200',
  name: 'root-not-mapping',
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
