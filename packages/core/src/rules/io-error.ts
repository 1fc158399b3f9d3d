import { defineRule } from './rule.js';

/** CSM006: a package file (or a directory to search) could not be read; reported by the host that reads files. */
export const rule = defineRule({
  id: 'CSM006',
  name: 'io-error',
  severity: 'error',
  fixable: false,
  group: 'package',
  reportedBy: 'host',
  docs: {
    summary: 'A package file or a directory could not be read: permission denied, a directory named like a package file, or another I/O failure.',
    why:
      'csmlint cannot check what it cannot read, so the package is skipped and the run ends with exit code 2 ' +
      '(the check could not be done) rather than 0 (nothing wrong) — a CI job must not pass on an unread package.',
    bad: {},
    good: {},
    fix: 'Make the file readable by the user running csmlint (`chmod +r`), or rename the directory that carries a package file\'s name.',
  },
  messages: {
    isDirectory: '`{{name}}` is a directory, but a package file of that name was expected; rename or remove the directory.',
    permission: 'Cannot read `{{name}}`: permission denied; make it readable by the user running csmlint.',
    unreadable: 'Cannot read `{{name}}`: {{detail}}; check that the file exists and is readable.',
    unlistable: 'Cannot list the directory `{{name}}`: {{detail}}; make it readable or exclude it in the config.',
    pythonNotFound: 'Cannot run the execution check: the Python interpreter `{{python}}` was not found; install Python 3, or set `python` in the project config to its path.',
    pythonFailed: 'Cannot run the execution check with `{{python}}`: {{detail}}; set `python` in the project config to a Python 3.8+ interpreter.',
  },
  check() {},
});
