import { defineRule } from './rule.js';

/** CSM003: TODO one line. */
export const rule = defineRule({
  id: 'CSM003',
  name: 'ambiguous-metadata-file',
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
