/**
 * Every [OURS] decision of the spec (no public source settles it) lives here, so each is a
 * one-line change when the server's real behaviour is learned.
 */

/** File names of a metric package. [SDK] uploads `metadata.yml` and `custom_metrics.py`. */
export const METADATA_FILE_NAMES = ['metadata.yaml', 'metadata.yml'] as const;
export const CODE_FILE_NAME = 'custom_metrics.py';
export const CODE_MODULE_NAME = 'custom_metrics';

/** Default cap on each file's size, in bytes. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** How many metrics a version may declare: at least one [OURS], at most 100 [API maxItems]. */
export const MIN_METRICS = 1;
export const MAX_METRICS = 100;

/** A metric `name` must be an ASCII Python identifier of at most this many characters. */
export const METRIC_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;
export const MAX_METRIC_NAME_LENGTH = 64;

/** Grid search needs exactly one objective. */
export const REQUIRED_PRIMARY_METRICS = 1;

/** The layout: one mapping with a `metrics:` list, plus an optional `targetType`. */
export const METRICS_KEY = 'metrics';
export const OPTIONAL_TOP_LEVEL_KEYS = ['targetType'] as const;

/** snake_case spellings users copy from the SDK's Python attributes, and their camelCase key. */
export const SNAKE_CASE_ALIASES: Readonly<Record<string, string>> = {
  entry_point: 'entryPoint',
  primary_metric: 'primaryMetric',
  lower_is_better: 'lowerIsBetter',
  use_weights: 'useWeights',
};

/** Plain scalars that YAML 1.1 (PyYAML) reads as booleans but YAML 1.2 reads as strings. */
export const YAML11_BOOLEANS: Readonly<Record<string, boolean>> = {
  yes: true, no: false, on: true, off: false, y: true, n: false,
};

/** Qualified `entryPoint` forms accepted and normalized to the bare function name. */
export const ENTRY_POINT_PREFIXES = ['custom_metrics.py:', 'custom_metrics:', 'custom_metrics.'] as const;

/** The call convention, scikit-learn order. */
export const CONVENTION = {
  positional: ['y_true', 'y_pred'],
  weights: 'sample_weight',
  signature: (name: string, useWeights: boolean) =>
    // Without weights no `sample_weight` parameter: the server would never pass one (CSM413).
    `def ${name}(y_true, y_pred, ${useWeights ? 'sample_weight=None, ' : ''}**kwargs) -> float:`,
} as const;

/** First-two-parameter names that mean the user put predictions before actuals. */
export const SWAPPED_ARGUMENT_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['y_pred', 'y_true'],
  ['predictions', 'actuals'],
  ['preds', 'labels'],
  ['y_hat', 'y'],
  ['predicted', 'actual'],
  ['y_score', 'y_true'],
  ['y_prob', 'y_true'],
  ['y_proba', 'y_true'],
];

/** Return annotations accepted as numeric. */
export const NUMERIC_RETURN_ANNOTATIONS = new Set([
  'float', 'int', 'complex', 'numbers.Number', 'numbers.Real', 'Number', 'Real',
  'np.floating', 'np.float64', 'np.float32', 'np.float16', 'np.integer', 'np.int64', 'np.int32', 'np.number',
  'numpy.floating', 'numpy.float64', 'numpy.float32', 'numpy.integer', 'numpy.int64', 'numpy.number',
  'float64', 'float32', 'floating', 'np.double', 'numpy.double',
]);

/** YAML limits against hostile input. */
export const MAX_ALIAS_COUNT = 100;
/** How many nodes aliases may add to a document once expanded ("billion laughs" cap; merging defaults into 100 metrics stays far below). */
export const MAX_ALIAS_EXPANSION = 10_000;
export const MAX_YAML_DEPTH = 64;

/** How close a name must be to suggest it ("did you mean"). */
export function maxSuggestionDistance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 3)));
}

/** Where `csmlint explain` docs are published, for codeDescription / helpUri links. */
export const DOCS_BASE_URL = 'https://github.com/csmlint/csmlint/blob/main/docs/rules.md';
export function ruleDocsUrl(id: string, name: string): string {
  return `${DOCS_BASE_URL}#${id.toLowerCase()}-${name}`;
}

/** Target types the execution check and target-aware checks know, canonical spelling. */
export const TARGET_TYPES = ['Regression', 'Binary', 'Multiclass'] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export const DEFAULT_TARGET_TYPE: TargetType = 'Regression';

/** At most this many related locations per finding (the first ones in the file), so thousands of duplicates stay linear. */
export const MAX_RELATED_LOCATIONS = 20;
