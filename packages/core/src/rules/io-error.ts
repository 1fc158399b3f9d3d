import { defineRule } from './rule.js';

/** CSM006: TODO one line. */
export const rule = defineRule({
  id: 'CSM006',
  name: 'io-error',
  severity: 'error',
  fixable: false,
  group: 'package',
  reportedBy: 'host',
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
