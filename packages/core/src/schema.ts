/** JSON Schemas taken from the API reference (Custom Scoring Metrics, v2.47). */

/** [API] `CustomMetric`: one item of a version's `metrics` array. */
export const CUSTOM_METRIC_SCHEMA = {
  type: 'object',
  properties: {
    description: { default: 'Untitled', description: 'Custom metric description.', type: ['string', 'null'] },
    entryPoint: { description: 'Custom metric function entry point in the Python code on lrs.', type: 'string' },
    label: { description: 'Custom metrics UI label. will appear in metrics list in UI screen.', type: 'string' },
    lowerIsBetter: { default: true, description: 'Indicates whether to maximize or minimize the metric function.', type: 'boolean' },
    name: { description: 'Custom metrics function name. must match the Python code function name.', type: 'string' },
    primaryMetric: { description: 'Indicates whether this metric is used for project gridsearch hyperparameter search.', type: 'boolean' },
    useWeights: { default: false, description: 'Indicates whether this metric is using weights.', type: 'boolean' },
  },
  required: ['entryPoint', 'label', 'name', 'primaryMetric'],
} as const;

/** [API] target types accepted by the container and the version. */
export const TARGET_TYPE_ENUM = ['Regression', 'Binary', 'Multiclass', 'regression', 'binary', 'multiclass'] as const;

/** [API] `CustomScoringMetricCreate`: the container, kept locally under `scoringMetric:` in the config. */
export const SCORING_METRIC_CREATE_SCHEMA = {
  type: 'object',
  properties: {
    description: { description: 'Description of the custom scoring metric.', type: ['string', 'null'] },
    name: { description: 'Name of the custom scoring metric.', type: 'string', minLength: 1, maxLength: 255 },
    tags: {
      default: [],
      description: 'Optional tags for the custom scoring metric.',
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: {
          name: { description: 'Name of the tag.', type: 'string', minLength: 1, maxLength: 255 },
          value: { description: 'Value of the tag.', type: 'string' },
        },
        required: ['name', 'value'],
        additionalProperties: false,
      },
    },
    targetType: { description: 'Target type for this metric (regression, binary, or multiclass).', type: 'string', enum: TARGET_TYPE_ENUM },
  },
  required: ['name', 'targetType'],
  additionalProperties: false,
} as const;

/** [OURS] the metadata.yaml layout around the API's items. */
export const METADATA_SCHEMA = {
  type: 'object',
  properties: {
    metrics: { type: 'array', minItems: 1, maxItems: 100, items: { ...CUSTOM_METRIC_SCHEMA, additionalProperties: false } },
    targetType: { type: 'string', enum: TARGET_TYPE_ENUM },
  },
  required: ['metrics'],
  additionalProperties: false,
} as const;

export type CustomMetricField = keyof typeof CUSTOM_METRIC_SCHEMA.properties;
export const CUSTOM_METRIC_FIELDS = Object.keys(CUSTOM_METRIC_SCHEMA.properties) as CustomMetricField[];
export const BOOLEAN_FIELDS: readonly CustomMetricField[] = ['primaryMetric', 'lowerIsBetter', 'useWeights'];
export const STRING_FIELDS: readonly CustomMetricField[] = ['name', 'label', 'entryPoint', 'description'];
