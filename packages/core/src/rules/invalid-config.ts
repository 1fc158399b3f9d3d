import { defineRule } from './rule.js';

/** CSM901: TODO one line. */
export const rule = defineRule({
  id: 'CSM901',
  name: 'invalid-config',
  severity: 'error',
  fixable: false,
  group: 'meta',
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
