import { defineRule } from './rule.js';

/** CSM103: TODO one line. */
export const rule = defineRule({
  id: 'CSM103',
  name: 'yaml11-boolean',
  severity: 'error',
  fixable: false,
  group: 'yaml',
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
