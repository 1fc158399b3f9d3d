import { defineRule } from './rule.js';

/** CSM004: TODO one line. */
export const rule = defineRule({
  id: 'CSM004',
  name: 'file-encoding',
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
