import { defineRule } from './rule.js';

/** CSM005: TODO one line. */
export const rule = defineRule({
  id: 'CSM005',
  name: 'file-too-large',
  severity: 'error',
  fixable: false,
  group: 'package',
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
