/** Writes numpy-style custom_metrics.py sources: one function of 20–80 lines per metric. */

/** The module header shared by every generated custom_metrics.py. */
export function moduleHeader(project) {
  return [
    `"""Custom scoring metrics for the ${project} project.`,
    '',
    'Each function follows the scikit-learn convention: (y_true, y_pred, sample_weight=None, **kwargs).',
    '"""',
    'from __future__ import annotations',
    '',
    'import numpy as np',
    '',
    'EPS = 1e-12',
    '',
    '',
    'def _weights(sample_weight, n):',
    '    """Row weights as a float array; ones when none are given."""',
    '    if sample_weight is None:',
    '        return np.ones(n, dtype=float)',
    '    weights = np.asarray(sample_weight, dtype=float)',
    '    if weights.shape != (n,):',
    '        raise ValueError("sample_weight must have one weight per row")',
    '    return weights',
  ];
}

/**
 * One metric function. `metric` carries name, targetType, useWeights, description, lowerIsBetter,
 * and optional plants: `defName`, `isAsync`, `params` (a literal parameter list), `syntaxError`.
 */
export function metricFunction(metric, random, targetLines) {
  const params = metric.params ?? conventionParams(metric);
  const hasWeights = /\bsample_weight\b/.test(params);
  const defLine = `${metric.isAsync ? 'async ' : ''}def ${metric.defName ?? metric.name}(${params}) -> float:`;
  const body = [...prologue(metric.targetType, hasWeights), ...emptyGuard()];
  const core = coreComputation(metric.targetType, random);
  const fixedLines = 1 + body.length + core.length;
  const docstring = docstringLines(metric, hasWeights, params, targetLines - fixedLines);
  let room = targetLines - fixedLines - docstring.length;
  const fillers = [];
  for (let guard = 0; room > 0 && guard < 100; guard++) {
    const block = random.pick(FILLERS)(random, metric.targetType);
    if (block.length > room && room < 2) break;
    fillers.push(...block);
    room -= block.length;
  }
  const lines = [defLine, ...docstring, ...body, ...fillers, ...core];
  if (metric.syntaxError) return breakAnIf(lines);
  return lines;
}

/** The parameter list the convention asks for (no `sample_weight` unless weights are used). */
function conventionParams(metric) {
  const extra = metric.targetType === 'Multiclass' ? ', labels=None' : '';
  return metric.useWeights ? `y_true, y_pred, sample_weight=None${extra}, **kwargs` : `y_true, y_pred${extra}, **kwargs`;
}

function docstringLines(metric, hasWeights, params, room) {
  const summary = `    """${metric.description ?? humanize(metric.name)}.`;
  const returns = ['    Returns', '    -------', '    float', `        ${metric.lowerIsBetter === false ? 'Higher is better.' : 'Lower is better.'}`];
  const shape = metric.targetType === 'Multiclass' ? '(n_samples, n_classes)' : '(n_samples,)';
  const parameters = [
    '    Parameters',
    '    ----------',
    '    y_true : array-like of shape (n_samples,)',
    `        ${metric.targetType === 'Regression' ? 'Observed target values.' : 'Observed class labels.'}`,
    `    y_pred : array-like of shape ${shape}`,
    `        ${metric.targetType === 'Regression' ? 'Predicted values.' : 'Predicted probabilities.'}`,
  ];
  if (hasWeights) parameters.push('    sample_weight : array-like of shape (n_samples,), optional', '        Row weights; rows with weight 0 are ignored.');
  if (params.includes('**kwargs')) parameters.push('    **kwargs', '        Ignored; accepted for forward compatibility.');
  const full = [summary, '', ...parameters, '', ...returns, '    """'];
  if (full.length <= room - 4) return full;
  return [summary, '', ...returns, '    """'];
}

function prologue(targetType, hasWeights) {
  const yPred = targetType === 'Multiclass' ? '    y_pred = np.atleast_2d(np.asarray(y_pred, dtype=float))' : '    y_pred = np.asarray(y_pred, dtype=float)';
  const yTrue = targetType === 'Regression' ? '    y_true = np.asarray(y_true, dtype=float)' : '    y_true = np.asarray(y_true)';
  const weights = hasWeights ? '    weights = _weights(sample_weight, y_true.shape[0])' : '    weights = np.ones(y_true.shape[0], dtype=float)';
  return [yTrue, yPred, weights];
}

function emptyGuard() {
  return ['    if y_true.size == 0:', '        return float("nan")'];
}

/** Replaces the colon of the first `if` line: a Python syntax error tree-sitter sees. */
function breakAnIf(lines) {
  const index = lines.findIndex((line) => /^\s+if .*:$/.test(line));
  const copy = [...lines];
  copy[index] = copy[index].slice(0, -1);
  return copy;
}

function coreComputation(targetType, random) {
  if (targetType === 'Binary') {
    return random.pick([
      [
        '    p = np.clip(y_pred, EPS, 1.0 - EPS)',
        '    positive = (y_true == 1).astype(float)',
        '    losses = -(positive * np.log(p) + (1.0 - positive) * np.log(1.0 - p))',
        '    return float(np.average(losses, weights=weights))',
      ],
      [
        '    positive = (y_true == 1).astype(float)',
        '    squared = (np.clip(y_pred, 0.0, 1.0) - positive) ** 2',
        '    return float(np.sum(weights * squared) / max(float(np.sum(weights)), EPS))',
      ],
      [
        `    threshold = ${random.pick(['0.5', '0.35', '0.6', '0.25'])}`,
        '    predicted = y_pred >= threshold',
        '    actual = y_true == 1',
        '    tp = float(np.sum(weights * (predicted & actual)))',
        '    fp = float(np.sum(weights * (predicted & ~actual)))',
        '    fn = float(np.sum(weights * (~predicted & actual)))',
        '    return 2.0 * tp / max(2.0 * tp + fp + fn, EPS)',
      ],
    ]);
  }
  if (targetType === 'Multiclass') {
    return random.pick([
      [
        '    classes = np.unique(y_true)',
        '    index = np.searchsorted(classes, y_true)',
        '    picked = np.clip(y_pred[np.arange(y_true.shape[0]), index], EPS, 1.0)',
        '    return float(-np.average(np.log(picked), weights=weights))',
      ],
      [
        '    predicted = np.argmax(y_pred, axis=1)',
        '    classes = np.unique(y_true)',
        '    correct = classes[predicted] == y_true',
        '    return float(np.average(correct, weights=weights))',
      ],
      [
        `    k = ${random.pick(['2', '3', '5'])}`,
        '    top = np.argsort(-y_pred, axis=1)[:, :k]',
        '    classes = np.unique(y_true)',
        '    hits = np.any(classes[top] == y_true[:, None], axis=1)',
        '    return float(np.average(hits, weights=weights))',
      ],
    ]);
  }
  return random.pick([
    ['    errors = np.abs(y_true - y_pred)', '    return float(np.sum(weights * errors) / max(float(np.sum(weights)), EPS))'],
    ['    squared = (y_true - y_pred) ** 2', '    return float(np.sqrt(np.average(squared, weights=weights)))'],
    [
      '    denominator = np.maximum(np.abs(y_true), EPS)',
      '    ratios = np.abs(y_true - y_pred) / denominator',
      '    return float(100.0 * np.average(ratios, weights=weights))',
    ],
    [
      `    delta = ${random.pick(['1.0', '0.5', '2.0', '5.0'])}`,
      '    residual = np.abs(y_true - y_pred)',
      '    quadratic = np.minimum(residual, delta)',
      '    linear = residual - quadratic',
      '    losses = 0.5 * quadratic ** 2 + delta * linear',
      '    return float(np.average(losses, weights=weights))',
    ],
    [
      `    q = ${random.pick(['0.5', '0.9', '0.95', '0.1'])}`,
      '    residual = y_true - y_pred',
      '    losses = np.maximum(q * residual, (q - 1.0) * residual)',
      '    return float(np.average(losses, weights=weights))',
    ],
  ]);
}

/** Statement blocks that make a function longer the way real metric code does. */
const FILLERS = [
  () => [
    '    finite = np.isfinite(y_pred).all(axis=-1) if y_pred.ndim > 1 else np.isfinite(y_pred)',
    '    y_true, y_pred, weights = y_true[finite], y_pred[finite], weights[finite]',
  ],
  () => ['    if y_true.shape[0] != y_pred.shape[0]:', '        raise ValueError(', '            f"y_true has {y_true.shape[0]} rows but y_pred has {y_pred.shape[0]}"', '        )'],
  (random) => [`    # ${random.pick(COMMENTS)}`],
  (random) => [
    `    cap = float(np.percentile(weights, ${random.pick(['95.0', '99.0', '99.5'])}))`,
    '    weights = np.minimum(weights, cap)',
  ],
  () => [
    '    positive_weight = weights > 0',
    '    if not np.any(positive_weight):',
    '        return float("nan")',
    '    y_true, y_pred, weights = y_true[positive_weight], y_pred[positive_weight], weights[positive_weight]',
  ],
  (random) => {
    const chunk = random.pick(['256', '1000', '4096']);
    return [
      '    chunk_sizes = []',
      `    for start in range(0, y_true.shape[0], ${chunk}):`,
      `        stop = min(start + ${chunk}, y_true.shape[0])`,
      '        chunk_sizes.append(stop - start)',
      '    n_chunks = len(chunk_sizes)',
    ];
  },
  () => ['    total_weight = float(np.sum(weights))', '    if total_weight <= 0.0:', '        return float("nan")', '    weights = weights / total_weight'],
  (random) => [`    scale = ${random.pick(['1.0', '100.0', '1e-3', '0.5'])}`, '    if scale <= 0.0:', '        raise ValueError("scale must be positive")'],
  () => ['', '    # Keep the arrays contiguous; fancy indexing above may have produced views.', '    y_true = np.ascontiguousarray(y_true)', '    y_pred = np.ascontiguousarray(y_pred)'],
  (random) => [
    '    order = np.argsort(weights, kind="stable")',
    `    heaviest = order[-${random.pick(['10', '50', '100'])}:]`,
    '    share = float(np.sum(weights[heaviest]) / max(float(np.sum(weights)), EPS))',
    '    if share > 0.99:',
    '        weights = np.ones_like(weights)',
  ],
];

const COMMENTS = [
  'Rows with zero weight are ignored, as the platform does for partitions.',
  'Clip to keep a single outlier from dominating the score.',
  'The platform passes numpy arrays; lists are accepted for local tests.',
  'NaN predictions come from rows the model could not score.',
  'Normalize weights so the metric does not depend on their scale.',
  'Agreed with the business team in the Q3 model review.',
];

/** `weighted_mae_p90` → `Weighted MAE p90`-style words for docstrings and labels. */
export function humanize(name) {
  const words = name.split('_').filter(Boolean);
  const text = words.map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w)).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const ACRONYMS = new Set(['mae', 'rmse', 'mape', 'smape', 'r2', 'auc', 'ks', 'ece', 'f1', 'ltv', 'eur', 'usd']);
