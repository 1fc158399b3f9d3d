import { defineRule } from './rule.js';

/** CSM901: the project config (`.csmlint.yaml` or `[tool.csmlint]`) is malformed; found by `parseConfig` in config.ts. */
export const rule = defineRule({
  id: 'CSM901',
  name: 'invalid-config',
  severity: 'error',
  fixable: false,
  group: 'meta',
  reportedBy: 'host',
  docs: {
    summary: 'The project config (`.csmlint.yaml`, or `[tool.csmlint]` in `pyproject.toml`) has a syntax error, an unknown key, or a value of the wrong kind.',
    why:
      'A config that is silently ignored checks the packages with settings nobody chose (a rule you turned off fires, ' +
      'an `exclude` does not apply, the wrong `targetType` is used). So a bad config stops the check of the packages ' +
      'under it, and the run ends with exit code 2.',
    bad: {},
    good: {},
    fix: 'Correct the key named in the message: the keys are `rules`, `exclude`, `maxFileSize`, `targetType`, `python`, `run`, `runTimeout` and `scoringMetric`.',
    configExample: {
      bad: 'rules:\n  function-not-fonud: off\ntargetType: regresion\nmaxFileSize: 1MB\n',
      good: 'rules:\n  function-not-found: off\ntargetType: Regression\nmaxFileSize: 1048576\n',
    },
  },
  messages: {
    syntax: 'The config is not valid {{format}}: {{detail}}; fix the syntax.',
    notMapping: 'The config must be a mapping of settings (`rules:`, `exclude:`, ...), not {{actual}}.',
    unknownKey: 'Unknown config key `{{key}}`; {{hint}}',
    unknownRule: '`{{key}}` names no csmlint rule; {{hint}}',
    missingKey: '`{{key}}` lacks the required key `{{missing}}`; add it.',
    wrongType: '`{{key}}` must be {{expected}}, not {{actual}}.',
    badValue: '`{{key}}` is {{actual}}; {{expected}}',
    conflict: '`targetType` `{{value}}` disagrees with `scoringMetric.targetType` `{{other}}`; keep them the same.',
    noTable: 'The file has no `[tool.csmlint]` table; add one or point `--config` at a `.csmlint.yaml`.',
  },
  check() {},
});
