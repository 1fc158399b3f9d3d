import { defineRule } from './rule.js';

/** CSM102: TODO one line. */
export const rule = defineRule({
  id: 'CSM102',
  name: 'yaml-multiple-documents',
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
