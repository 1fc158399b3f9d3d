import type { PySyntaxProblem, Python2Construct } from '../python/syntax-problems.js';
import { defineRule } from './rule.js';

const METADATA = 'metrics:\n  - name: mae\n    label: MAE\n    entryPoint: mae\n    primaryMetric: true\n';

/** What to write instead of each Python 2 construct. */
const PYTHON3_HINTS: Record<Python2Construct, string> = {
  'print': 'call `print(...)`',
  'exec': 'call `exec(...)`',
  'backtick': 'call `repr(...)` instead of using backticks',
  'not-equal': 'use `!=`',
  'long-integer': 'drop the `L` suffix',
  'octal': 'write octal numbers with `0o` (`0o755`)',
  'ur-prefix': 'use an `r` prefix',
  'tuple-parameter': 'take one parameter and unpack it in the body',
  'raise-tuple': 'raise an instance: `raise ValueError("message")`',
};

const CLOSING_BRACKETS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

const MESSAGE_IDS = {
  'unexpected': 'unexpected',
  'unclosed': 'unclosed',
  'missing': 'missing',
  'python2': 'python2',
  'empty-block': 'emptyBlock',
  'indentation': 'indentation',
  'parameter-order': 'parameterOrder',
  'bare-star': 'bareStar',
  'duplicate-parameter': 'duplicateParameter',
  'keyword-name': 'keywordName',
  'outside-function': 'outsideFunction',
} as const satisfies Record<PySyntaxProblem['kind'], string>;

/** CSM400: custom_metrics.py does not parse as Python 3. */
export const rule = defineRule({
  id: 'CSM400',
  name: 'python-syntax',
  severity: 'error',
  fixable: true,
  group: 'python',
  docs: {
    summary: '`custom_metrics.py` has a syntax error, or uses Python 2 syntax that Python 3 rejects.',
    why: 'The server imports `custom_metrics.py` with Python 3 before it calls any metric: one syntax error anywhere (a missing parenthesis, `print "x"`, `<>`, an unindented body) makes every metric of the version fail. csmlint still checks the rest of the file, so one broken function does not hide the others.',
    bad: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'def mae(y_true, y_pred, **kwargs) -> float:\n    errors = [abs(t - p) for t, p in zip(y_true, y_pred)]\n    print "mean of", len(errors), "errors"\n    return sum(errors) / len(errors)\n',
    },
    good: {
      'metadata.yaml': METADATA,
      'custom_metrics.py': 'def mae(y_true, y_pred, **kwargs) -> float:\n    errors = [abs(t - p) for t, p in zip(y_true, y_pred)]\n    print("mean of", len(errors), "errors")\n    return sum(errors) / len(errors)\n',
    },
    fix: 'Correct the code at the marked range; Python 2 constructs (`print "x"`, `<>`, `0777`, `12L`, backticks) are rewritten by `--fix`.',
  },
  messages: {
    unexpected: 'Python cannot parse `{{text}}` here; fix the syntax (the server cannot import a file with a syntax error).',
    unexpectedEnd: 'Python cannot parse the code here; fix the syntax (the server cannot import a file with a syntax error).',
    unclosed: '`{{text}}` is never closed; add the matching `{{closing}}` (the server cannot import a file with a syntax error).',
    missing: 'Python syntax error: `{{text}}` is missing here; add it.',
    python2: '`{{text}}` is Python 2 syntax, but the server runs Python 3; {{hint}}.',
    python2Backtick: 'Backticks around `{{inner}}` are Python 2 syntax, but the server runs Python 3; {{hint}}.',
    emptyBlock: '`{{text}}:` has no indented body; indent the statements that belong to it (or write `pass`).',
    indentation: 'The indentation of `{{text}}` does not match the statements around it; align it with its block.',
    parameterOrder: 'Parameter `{{text}}` has no default but follows a parameter with one; give it a default or move it before them.',
    bareStar: 'A bare `*` must be followed by a keyword-only parameter; remove the `*` or add a parameter after it.',
    duplicateParameter: 'Parameter `{{text}}` is declared twice; rename one of them.',
    keywordName: '`{{text}}` is a keyword in Python 3 and cannot be used as a name; rename it.',
    outsideFunction: '`{{text}}` outside a function is a syntax error in Python; move it into a function body.',
  },
  check({ pkg, report }) {
    const python = pkg.python;
    const file = pkg.codeFile;
    if (!python || !file) return;
    for (const problem of python.syntaxProblems) {
      const messageId = problem.kind === 'unexpected' && problem.text === '' ? 'unexpectedEnd'
        : problem.python2 === 'backtick' ? 'python2Backtick'
        : MESSAGE_IDS[problem.kind];
      const data: Record<string, string> = { kind: problem.kind, text: problem.text };
      if (problem.kind === 'unclosed') data.closing = CLOSING_BRACKETS[problem.text] ?? problem.text;
      if (problem.python2) {
        data.construct = problem.python2;
        if (problem.python2 === 'backtick') data.inner = problem.text.replace(/^`|`$/g, '');
        data.hint = problem.replacement !== undefined ? `write \`${problem.replacement}\`` : PYTHON3_HINTS[problem.python2];
      }
      report({
        file: file.path, range: problem.range, messageId, data,
        ...(problem.replacement !== undefined
          ? { fix: { description: `Replace with \`${problem.replacement}\``, edits: [{ file: file.path, range: problem.range, newText: problem.replacement }] } }
          : {}),
      });
    }
  },
});
