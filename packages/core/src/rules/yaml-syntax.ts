import { MAX_YAML_DEPTH } from '../conventions.js';
import { comparePositions } from '../positions.js';
import { parsedMetadata } from '../analysis/checked-metadata.js';
import type { YamlProblemKind } from '../yaml/metadata-model.js';
import { defineRule } from './rule.js';

const CODE = 'import math\n\n\ndef rmse(y_true, y_pred, **kwargs) -> float:\n    return math.sqrt(sum((t - p) ** 2 for t, p in zip(y_true, y_pred)) / len(y_true))\n';

const MESSAGE_IDS = {
  syntax: 'syntax',
  tab: 'tab',
  'unknown-tag': 'unknownTag',
  'unknown-alias': 'unknownAlias',
  'complex-key': 'complexKey',
  'too-deep': 'tooDeep',
} as const satisfies Partial<Record<YamlProblemKind, string>>;

/** After a parse error the parser's recovery is guesswork: later parse errors are mostly its echoes, so only the first is reported. */
const PARSE_ERRORS: ReadonlySet<YamlProblemKind> = new Set(['syntax', 'tab']);

/** CSM100: the metadata file is not valid YAML (syntax errors, tabs, unknown tags or aliases, collection keys, deep nesting). */
export const rule = defineRule({
  id: 'CSM100',
  name: 'yaml-syntax',
  severity: 'error',
  fixable: false,
  group: 'yaml',
  docs: {
    summary: 'The metadata file is not valid YAML: a syntax error, a tab used for indentation, an unknown tag or alias, a list or mapping used as a key, or nesting too deep to check.',
    why: 'The server cannot read a file that does not parse, so the upload fails. While the file does not parse, csmlint reports only these errors: findings about a half-read structure would be noise.',
    bad: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: "RMSE\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py': CODE,
    },
    good: {
      'metadata.yaml': 'metrics:\n  - name: rmse\n    label: "RMSE"\n    entryPoint: rmse\n    primaryMetric: true\n',
      'custom_metrics.py': CODE,
    },
    fix: 'Fix the YAML at the reported place: close quotes and brackets, indent with spaces only, align the keys of a mapping.',
  },
  messages: {
    syntax: 'Invalid YAML: {{detail}}.',
    tab: 'A tab is used for indentation; YAML allows only spaces: indent with spaces.',
    unknownTag: 'Unknown tag `{{detail}}`; remove it (the server reads plain YAML values only).',
    unknownAlias: 'The alias `*{{detail}}` refers to no anchor; define `&{{detail}}` before it, or write the value out.',
    complexKey: 'A list or mapping is used as a key (`{{detail}}`); keys must be plain strings.',
    tooDeep: `The YAML is nested more than {{detail}} levels deep; csmlint does not read it further: flatten it.`,
  },
  check({ pkg, report }) {
    const parsed = parsedMetadata(pkg);
    if (!parsed) return;
    const firstParseError = parsed.model.problems
      .filter((p) => PARSE_ERRORS.has(p.kind))
      .sort((a, b) => comparePositions(a.range.start, b.range.start))[0];
    for (const problem of parsed.model.problems) {
      const messageId = MESSAGE_IDS[problem.kind as keyof typeof MESSAGE_IDS];
      if (!messageId || (PARSE_ERRORS.has(problem.kind) && problem !== firstParseError)) continue;
      // The parser also rejects some collection keys: one finding for that mistake.
      if (problem.kind === 'complex-key' && firstParseError) continue;
      const detail = problem.kind === 'too-deep' ? String(MAX_YAML_DEPTH) : problem.message;
      report({ file: parsed.file.path, range: problem.range, messageId, data: { detail, ...(problem.code ? { code: problem.code } : {}) } });
    }
  },
});
