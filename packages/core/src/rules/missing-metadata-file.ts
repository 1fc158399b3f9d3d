import { defineRule } from './rule.js';

/** CSM002: TODO one line. */
export const rule = defineRule({
  id: 'CSM002',
  name: 'missing-metadata-file',
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
