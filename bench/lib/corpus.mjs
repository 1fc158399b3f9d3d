/** The deterministic benchmark corpus: realistic metric packages, some with planted mistakes. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom, seedOf } from './prng.mjs';
import { humanize, metricFunction, moduleHeader } from './python-source.mjs';

/**
 * Every kind of mistake the generator plants, with the csmlint rule that should report it and who
 * can see it: `schema` (any JSON Schema validator), `yaml` (depends on the YAML parser), `semantic`
 * (beyond the schema, metadata only), `python` (needs custom_metrics.py).
 */
export const PLANTS = [
  { kind: 'missing-label', rule: 'CSM210', category: 'schema' },
  { kind: 'string-boolean', rule: 'CSM211', category: 'schema' },
  { kind: 'misspelled-key', rule: 'CSM212', category: 'schema' },
  { kind: 'snake-case-key', rule: 'CSM213', category: 'schema' },
  { kind: 'bad-target-type', rule: 'CSM215', category: 'schema' },
  { kind: 'empty-metrics', rule: 'CSM203', category: 'schema' },
  { kind: 'yaml11-boolean', rule: 'CSM103', category: 'yaml' },
  { kind: 'duplicate-key', rule: 'CSM101', category: 'yaml' },
  { kind: 'no-primary', rule: 'CSM303', category: 'semantic' },
  { kind: 'two-primaries', rule: 'CSM304', category: 'semantic' },
  { kind: 'duplicate-name', rule: 'CSM301', category: 'semantic' },
  { kind: 'invalid-name', rule: 'CSM300', category: 'semantic' },
  { kind: 'misspelled-def', rule: 'CSM401', category: 'python' },
  { kind: 'async-def', rule: 'CSM406', category: 'python' },
  { kind: 'weights-not-accepted', rule: 'CSM412', category: 'python' },
  { kind: 'swapped-arguments', rule: 'CSM414', category: 'python' },
  { kind: 'python-syntax', rule: 'CSM400', category: 'python' },
  { kind: 'too-few-parameters', rule: 'CSM410', category: 'python' },
];

/** Categories in the order the report lists them. */
export const CATEGORIES = ['schema', 'yaml', 'semantic', 'python'];

const DEFAULT_SEED = 'csmlint-bench-1';
/** Share of packages that get one planted mistake. */
const PLANTED_SHARE = 0.3;

const PROJECTS = ['churn', 'fraud', 'demand', 'ltv', 'pricing', 'credit-risk', 'claims', 'retention', 'upsell', 'default', 'energy-load', 'delivery-eta'];
const BASES = {
  Regression: ['mae', 'rmse', 'mape', 'smape', 'huber_loss', 'quantile_loss', 'max_error', 'median_ae', 'log_cosh', 'poisson_deviance', 'bias', 'cost_error'],
  Binary: ['log_loss', 'brier_score', 'f1_at_threshold', 'precision_at_k', 'recall_at_threshold', 'lift_top_decile', 'ks_statistic', 'ece', 'balanced_accuracy', 'profit_curve'],
  Multiclass: ['multiclass_log_loss', 'macro_f1', 'top_k_accuracy', 'weighted_kappa', 'macro_recall', 'confusion_entropy', 'accuracy'],
};
const PREFIXES = ['weighted', 'trimmed', 'capped', 'robust', 'business', 'clipped', 'segment', 'calibrated', 'smoothed', 'adjusted'];
const SUFFIXES = ['p90', 'v2', 'eur', 'daily', 'top10', 'recent', 'holdout', 'monthly', 'q4', 'strict'];

/** Writes `count` packages under `dir` and returns the manifest of what was planted where. */
export function writeCorpus(dir, count, { seed = DEFAULT_SEED } = {}) {
  rmSync(dir, { recursive: true, force: true });
  markRepositoryRoot(dir);
  const packages = [];
  for (let index = 0; index < count; index++) {
    const pkg = generatePackage(seed, index);
    const packageDir = join(dir, pkg.dir);
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(join(packageDir, pkg.metadataName), pkg.metadata);
    writeFileSync(join(packageDir, 'custom_metrics.py'), pkg.code);
    packages.push({ dir: pkg.dir, metadataFile: `${pkg.dir}/${pkg.metadataName}`, plant: pkg.plant });
  }
  const manifest = { seed, count, packages };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  return manifest;
}

/** Writes one clean package with `metricCount` metrics (the editor benchmark's subject). */
export function writeSinglePackage(dir, metricCount, { seed = DEFAULT_SEED, linesPerMetric = [37, 59] } = {}) {
  rmSync(dir, { recursive: true, force: true });
  markRepositoryRoot(dir);
  const random = createRandom(seedOf(seed, 'single', metricCount));
  const metrics = makeMetrics(random, 'Regression', metricCount);
  const code = renderPython(random, 'pricing', metrics, linesPerMetric);
  writeFileSync(join(dir, 'metadata.yaml'), renderYaml(random, metrics, {}));
  writeFileSync(join(dir, 'custom_metrics.py'), code);
  return { dir, metrics: metrics.map((m) => m.name), codeLines: code.split('\n').length - 1 };
}

/**
 * Makes `dir` look like the root of its own repository (an empty `.git` folder), as a user's metric
 * repository is: csmlint applies the `.gitignore` files up to the repository root, and this
 * checkout's `.gitignore` ignores `.bench-tmp/`, which would hide the whole corpus.
 */
function markRepositoryRoot(dir) {
  mkdirSync(join(dir, '.git'), { recursive: true });
}

/** One package: where it goes, its two files, and the planted mistake (if any). */
export function generatePackage(seed, index) {
  const random = createRandom(seedOf(seed, index));
  const targetType = random.pick(['Regression', 'Regression', 'Binary', 'Multiclass']);
  const project = random.pick(PROJECTS);
  const dir = `team-${String(index % 20).padStart(2, '0')}/${project}-${targetType.toLowerCase()}-${String(index).padStart(5, '0')}`;
  const plant = random.chance(PLANTED_SHARE) ? random.pick(PLANTS) : undefined;
  const minMetrics = plant && ['two-primaries', 'duplicate-name'].includes(plant.kind) ? 2 : 1;
  const metrics = makeMetrics(random, targetType, random.int(minMetrics, Math.max(minMetrics, random.pick([1, 2, 3, 3, 4, 5, 6]))));
  const packageOptions = { targetType: random.chance(0.4) ? targetType : undefined };
  if (plant) applyPlant(plant.kind, random, metrics, packageOptions);
  return {
    dir,
    metadataName: random.chance(0.1) ? 'metadata.yml' : 'metadata.yaml',
    metadata: renderYaml(random, metrics, packageOptions),
    code: renderPython(random, project, metrics, [20, 80]),
    plant,
  };
}

function makeMetrics(random, targetType, count) {
  const names = new Set();
  const metrics = [];
  const primary = random.int(0, count - 1);
  for (let i = 0; i < count; i++) {
    let name = metricName(random, targetType);
    for (let n = 2; names.has(name); n++) name = `${metricName(random, targetType)}_${n}`;
    names.add(name);
    const useWeights = random.chance(0.4);
    metrics.push({
      name,
      targetType,
      label: labelFor(name),
      primaryMetric: i === primary,
      description: random.chance(0.8) ? `${humanize(name)} on the scored rows${useWeights ? ', weighted by row weights' : ''}` : undefined,
      lowerIsBetter: random.chance(0.7) ? !/accuracy|f1|recall|precision|lift|ks_|kappa|profit/.test(name) : undefined,
      useWeights,
      yaml: {},
    });
  }
  return metrics;
}

function metricName(random, targetType) {
  const parts = [];
  if (random.chance(0.6)) parts.push(random.pick(PREFIXES));
  parts.push(random.pick(BASES[targetType]));
  if (random.chance(0.4)) parts.push(random.pick(SUFFIXES));
  return parts.join('_');
}

function labelFor(name) {
  const label = humanize(name).replace(/ EUR\b/, ' (€)');
  return name.includes('segment') ? `${label} — par segment` : label;
}

/** Mutates the package's metrics so that it carries exactly one mistake of `kind`. */
function applyPlant(kind, random, metrics, packageOptions) {
  const target = random.pick(metrics);
  const nonPrimary = metrics.find((m) => !m.primaryMetric) ?? target;
  switch (kind) {
    case 'missing-label': target.yaml.omit = ['label']; break;
    case 'string-boolean': nonPrimary.yaml.raw = { lowerIsBetter: '"false"' }; break;
    case 'misspelled-key': nonPrimary.yaml.raw = { lowerIsBetter: 'false' }; nonPrimary.yaml.rename = { lowerIsBetter: 'lowerIsBeter' }; break;
    case 'snake-case-key': target.yaml.rename = { entryPoint: 'entry_point' }; break;
    case 'bad-target-type': packageOptions.targetType = random.pick(['regresion', 'Classification', 'binary_classification', 'multi-class']); break;
    case 'empty-metrics': packageOptions.emptyMetrics = true; break;
    case 'yaml11-boolean': nonPrimary.yaml.raw = { lowerIsBetter: random.pick(['yes', 'no', 'Yes', 'off']) }; break;
    case 'duplicate-key': target.yaml.duplicate = 'label'; break;
    case 'no-primary': metrics.forEach((m) => (m.primaryMetric = false)); break;
    case 'two-primaries': metrics.forEach((m, i) => (m.primaryMetric = i < 2)); break;
    case 'duplicate-name': {
      const [first, second] = metrics;
      second.name = first.name;
      second.skipDef = true;
      break;
    }
    case 'invalid-name': target.yaml.raw = { name: random.pick([`2nd_${target.name}`, target.name.includes('_') ? target.name.replace(/_/g, '-') : `${target.name}-v2`]) }; break;
    case 'misspelled-def': target.defName = misspell(target.name); break;
    case 'async-def': target.isAsync = true; break;
    case 'weights-not-accepted': target.useWeights = true; target.params = 'y_true, y_pred'; break;
    case 'swapped-arguments': target.params = target.useWeights ? 'y_pred, y_true, sample_weight=None, **kwargs' : 'y_pred, y_true, **kwargs'; break;
    case 'python-syntax': target.syntaxError = true; break;
    case 'too-few-parameters': target.params = 'y_true'; target.useWeights = false; break;
    default: throw new Error(`unknown plant ${kind}`);
  }
}

/** `weighted_mae` → `wieghted_mae`: swaps two adjacent letters inside the first word. */
function misspell(name) {
  for (let i = 1; i < name.length - 1; i++) {
    if (/[a-z]/.test(name[i]) && /[a-z]/.test(name[i + 1]) && name[i] !== name[i + 1]) {
      return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
    }
  }
  return `${name}_x`;
}

function renderYaml(random, metrics, packageOptions) {
  const lines = [`# Scoring metrics; see custom_metrics.py for the code.`];
  if (packageOptions.targetType) lines.push(`targetType: ${packageOptions.targetType}`);
  if (packageOptions.emptyMetrics) return `${[...lines, 'metrics: []'].join('\n')}\n`;
  lines.push('metrics:');
  for (const metric of metrics) {
    const fields = [
      ['name', metric.name],
      ['label', quoteIfNeeded(metric.label)],
      ['entryPoint', metric.name],
      ['primaryMetric', String(metric.primaryMetric)],
    ];
    if (metric.description !== undefined) fields.push(['description', metric.description]);
    if (metric.lowerIsBetter !== undefined || metric.yaml.raw?.lowerIsBetter) fields.push(['lowerIsBetter', String(metric.lowerIsBetter ?? true)]);
    if (metric.useWeights || random.chance(0.4)) fields.push(['useWeights', String(metric.useWeights)]);
    const rendered = [];
    for (const [key, value] of fields) {
      if (metric.yaml.omit?.includes(key)) continue;
      const text = metric.yaml.raw?.[key] ?? value;
      rendered.push(`${metric.yaml.rename?.[key] ?? key}: ${key === 'description' ? describe(random, text) : text}`);
      if (metric.yaml.duplicate === key) rendered.push(`${key}: ${quoteIfNeeded(`${metric.label} (old)`)}`);
    }
    lines.push(`  - ${rendered[0]}`, ...rendered.slice(1).map((line) => `    ${line}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Descriptions come plain, quoted, or folded over two lines, as people write them. */
function describe(random, text) {
  const style = random.int(0, 9);
  if (style === 0) return `"${text}"`;
  if (style === 1) return `>-\n      ${text}\n      (computed on finite rows only)`;
  return text;
}

function quoteIfNeeded(text) {
  return /[:#'"]|^[\s\-?[\]{}&*!|>%@`]/.test(text) ? JSON.stringify(text) : text;
}

function renderPython(random, project, metrics, [minLines, maxLines]) {
  const lines = moduleHeader(project);
  for (const metric of metrics) {
    if (metric.skipDef) continue;
    lines.push('', '', ...metricFunction(metric, random, random.int(minLines, maxLines)));
  }
  return `${lines.join('\n')}\n`;
}
