import { defineRule } from './rule.js';

/** CSM205: TODO one line. */
export const rule = defineRule({
  id: 'CSM205',
  name: 'look-alike-format',
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
