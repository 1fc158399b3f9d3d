import { defineRule } from './rule.js';

/** CSM900: TODO one line. */
export const rule = defineRule({
  id: 'CSM900',
  name: 'unused-suppression',
  severity: 'warning',
  fixable: false,
  group: 'meta',
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
