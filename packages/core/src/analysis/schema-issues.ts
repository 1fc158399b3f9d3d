/**
 * Schema validation of metadata.yaml (ajv, against `METADATA_SCHEMA`) turned into findings the
 * rules report: one issue per mistake, at the smallest YAML node, each tagged with the rule that
 * owns it. Computed once per parsed model; the rules pick their kind.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../diagnostic.js';
import { MAX_METRICS, METRICS_KEY, OPTIONAL_TOP_LEVEL_KEYS, TARGET_TYPES } from '../conventions.js';
import type { PackageContext } from '../package-context.js';
import { FILE_START } from '../positions.js';
import { CUSTOM_METRIC_FIELDS, CUSTOM_METRIC_SCHEMA, METADATA_SCHEMA, type CustomMetricField } from '../schema.js';
import { keyText, type FieldEntry, type MetadataModel, type MetricEntry } from '../yaml/metadata-model.js';
import { parsedMetadata } from './checked-metadata.js';
import { closeMatches } from './suggest.js';
import { emptyItemRange, emptyValueRange, firstKeyRange, firstLineOfItem, keyRangeOf } from './finding-ranges.js';
import { buildValidationView, escapePointer, type ViewLocation } from './validation-view.js';

let compiled: ValidateFunction | undefined;

/** Compiled once, on first use (not at import: `csmlint --version` and the server's start need no schema). */
function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(METADATA_SCHEMA as object);
  return compiled;
}

/** The top-level keys the layout knows. */
export const TOP_LEVEL_KEYS: readonly string[] = [METRICS_KEY, ...OPTIONAL_TOP_LEVEL_KEYS];

/** Required string fields: a null or blank value is CSM214, not a type error. */
const REQUIRED_STRING_FIELDS: readonly CustomMetricField[] = ['name', 'label', 'entryPoint'];

interface IssueBase {
  range: Range;
}

/** One schema finding; `rule` is the name of the rule that reports it. */
export type SchemaIssue = IssueBase & (
  | { rule: 'root-not-mapping'; actual: string }
  | { rule: 'missing-metrics'; emptyFile: boolean }
  | { rule: 'metrics-not-list'; actual: string }
  | { rule: 'metrics-count'; count: number }
  | { rule: 'unknown-top-level-key'; key: string; candidates: string[]; isMetricField: boolean }
  | { rule: 'missing-required-field'; field: CustomMetricField; entry: MetricEntry }
  | { rule: 'wrong-type'; key?: string; field?: CustomMetricField; entry: MetricEntry; fieldEntry?: FieldEntry; actual: string; expected: string }
  | { rule: 'unknown-field'; key: string; candidates: string[]; entry: MetricEntry }
  | { rule: 'empty-value'; key?: string; field?: CustomMetricField; entry: MetricEntry; fieldEntry?: FieldEntry }
  | { rule: 'invalid-target-type'; shape: 'scalar' | 'empty' | 'collection'; value: string; candidates: string[]; valueRange: Range }
);

export type SchemaIssueRule = SchemaIssue['rule'];

const cache = new WeakMap<MetadataModel, SchemaIssue[]>();

/** The schema issues of the package's metadata of one rule's kind. */
export function schemaIssuesFor<R extends SchemaIssueRule>(pkg: PackageContext, rule: R): Array<Extract<SchemaIssue, { rule: R }>> {
  const parsed = parsedMetadata(pkg);
  if (!parsed) return [];
  let issues = cache.get(parsed.model);
  if (!issues) {
    issues = schemaIssues(parsed.model);
    cache.set(parsed.model, issues);
  }
  return issues.filter((i): i is Extract<SchemaIssue, { rule: R }> => i.rule === rule);
}

/** Every schema issue of a model; none for syntax errors or look-alike layouts (they get their own finding). */
export function schemaIssues(model: MetadataModel): SchemaIssue[] {
  if (model.hasSyntaxErrors) return [];
  const layout = model.layout.kind;
  if (layout === 'empty') return [{ rule: 'missing-metrics', range: FILE_START, emptyFile: true }];
  if (layout !== 'metrics' && layout !== 'not-mapping') return [];
  const view = buildValidationView(model);
  const validate = validator();
  validate(view.value);
  // Past the cap the version is rejected as a whole: per-item findings would drown CSM203.
  const checkItems = model.metrics.length <= MAX_METRICS;
  const issues: SchemaIssue[] = [];
  for (const error of validate.errors ?? []) {
    const issue = translate(error, view.locations, model);
    if (issue && (checkItems || !('entry' in issue))) issues.push(issue);
  }
  if (checkItems) issues.push(...blankRequiredStrings(model));
  return dropCascades(dedupe(issues));
}

function translate(error: ErrorObject, locations: Map<string, ViewLocation>, model: MetadataModel): SchemaIssue | undefined {
  const at = locations.get(error.instancePath);
  if (!at) return undefined;
  const path = error.instancePath.split('/').slice(1);
  if (path.length === 0) return rootIssue(error, at, model);
  if (path[0] === 'targetType') return targetTypeIssue(at);
  if (path[0] !== METRICS_KEY) return undefined;
  if (path.length === 1) return metricsIssue(error, at);
  const entry = at.entry ?? locations.get(`/${METRICS_KEY}/${path[1]}`)?.entry;
  if (!entry) return undefined;
  if (path.length === 2) return itemIssue(error, at, entry, locations, model);
  return fieldTypeIssue(at, entry);
}

function rootIssue(error: ErrorObject, at: ViewLocation, model: MetadataModel): SchemaIssue | undefined {
  if (error.keyword === 'type') return { rule: 'root-not-mapping', range: at.valueRange, actual: describeValue(at.valueNode) };
  if (error.keyword === 'required') return { rule: 'missing-metrics', range: firstKeyRange(model) ?? at.valueRange, emptyFile: false };
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const present = new Set(model.rootPairs.map(keyText));
    return {
      rule: 'unknown-top-level-key', range: keyRangeOf(model, key) ?? at.valueRange, key,
      candidates: closeMatches(key, TOP_LEVEL_KEYS.filter((k) => !present.has(k))),
      isMetricField: (CUSTOM_METRIC_FIELDS as string[]).includes(key),
    };
  }
  return undefined;
}

function metricsIssue(error: ErrorObject, at: ViewLocation): SchemaIssue | undefined {
  const keyRange = at.keyRange ?? at.valueRange;
  if (error.keyword === 'type') {
    if (at.valueNode === null || (isScalar(at.valueNode) && at.valueNode.value === null)) {
      return { rule: 'metrics-count', range: keyRange, count: 0 };
    }
    return { rule: 'metrics-not-list', range: at.valueRange, actual: describeValue(at.valueNode) };
  }
  const count = isSeq(at.valueNode) ? at.valueNode.items.length : 0;
  if (error.keyword === 'minItems') return { rule: 'metrics-count', range: at.valueRange, count };
  if (error.keyword === 'maxItems') return { rule: 'metrics-count', range: keyRange, count };
  return undefined;
}

function targetTypeIssue(at: ViewLocation): SchemaIssue {
  const node = at.valueNode;
  const valueRange = at.valueRange;
  if (isNull(node)) return { rule: 'invalid-target-type', range: emptyValueRange(at), valueRange, shape: 'empty', value: '', candidates: [] };
  if (!isScalar(node)) return { rule: 'invalid-target-type', range: valueRange, valueRange, shape: 'collection', value: describeValue(node), candidates: [] };
  const value = String(node.value);
  return { rule: 'invalid-target-type', range: valueRange, valueRange, shape: 'scalar', value, candidates: closeMatches(value, TARGET_TYPES) };
}

function itemIssue(error: ErrorObject, at: ViewLocation, entry: MetricEntry, locations: Map<string, ViewLocation>, model: MetadataModel): SchemaIssue | undefined {
  const pointer = error.instancePath;
  if (error.keyword === 'type') {
    if (isNull(entry.node)) return { rule: 'empty-value', range: emptyItemRange(entry, model), entry };
    return { rule: 'wrong-type', range: entry.range, entry, actual: describeValue(entry.node), expected: 'a mapping' };
  }
  if (error.keyword === 'required') {
    return { rule: 'missing-required-field', range: firstLineOfItem(entry), field: error.params.missingProperty as CustomMetricField, entry };
  }
  if (error.keyword === 'additionalProperties') {
    const key = String(error.params.additionalProperty);
    const where = locations.get(`${pointer}/${escapePointer(key)}`);
    const present = new Set(entry.fields.map((f) => f.field));
    return {
      rule: 'unknown-field', range: where?.keyRange ?? at.valueRange, key: where?.key ?? key, entry,
      candidates: closeMatches(key, CUSTOM_METRIC_FIELDS.filter((f) => !present.has(f))),
    };
  }
  return undefined;
}

function fieldTypeIssue(at: ViewLocation, entry: MetricEntry): SchemaIssue {
  const field = at.field?.field;
  if (isNull(at.valueNode)) return { rule: 'empty-value', range: emptyValueRange(at), key: at.key, field, entry, fieldEntry: at.field };
  return {
    rule: 'wrong-type', range: at.valueRange, key: at.key, field, entry, fieldEntry: at.field,
    actual: describeValue(at.valueNode), expected: field ? expectedType(field) : 'another type',
  };
}

/** `name: ""` or `label: "  "`: present but blank. */
function blankRequiredStrings(model: MetadataModel): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const entry of model.metrics) {
    for (const f of entry.fields) {
      if (!f.field || !REQUIRED_STRING_FIELDS.includes(f.field)) continue;
      const node = f.valueNode;
      if (isScalar(node) && typeof node.value === 'string' && node.value.trim() === '') {
        issues.push({ rule: 'empty-value', range: f.valueRange, key: f.key, field: f.field, entry, fieldEntry: f });
      }
    }
  }
  return issues;
}

/**
 * A misspelt key is one mistake: its unknown-key finding offers the rename, so the missing field
 * (or missing `metrics`) it stands for is not reported again.
 */
function dropCascades(issues: SchemaIssue[]): SchemaIssue[] {
  const misspelt = new Set<string>();
  for (const i of issues) {
    if (i.rule === 'unknown-field') for (const c of i.candidates) misspelt.add(`${i.entry.index}:${c}`);
    if (i.rule === 'unknown-top-level-key' && i.candidates.includes(METRICS_KEY)) misspelt.add(METRICS_KEY);
  }
  return issues.filter((i) => {
    if (i.rule === 'missing-required-field') return !misspelt.has(`${i.entry.index}:${i.field}`);
    if (i.rule === 'missing-metrics') return !misspelt.has(METRICS_KEY);
    return true;
  });
}

/** One finding per rule and range (`targetType` fails both `type` and `enum`; merged fields repeat per item). */
function dedupe(issues: SchemaIssue[]): SchemaIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.rule}@${i.range.start.line}:${i.range.start.character}-${i.range.end.line}:${i.range.end.character}/${'field' in i ? i.field : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isNull(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** What the schema expects of a field, in words. */
export function expectedType(field: CustomMetricField): string {
  const type = CUSTOM_METRIC_SCHEMA.properties[field].type;
  return type === 'boolean' ? '`true` or `false`' : 'a string';
}

/** A YAML value described for a message: "the number `3`", "a list", ... */
export function describeValue(node: Node | null): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node) || node.value === null) return 'empty';
  const text = node.source !== undefined && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE' ? node.source : JSON.stringify(node.value);
  if (typeof node.value === 'boolean') return `the boolean \`${text}\``;
  if (typeof node.value === 'number' || typeof node.value === 'bigint') return `the number \`${text}\``;
  if (typeof node.value === 'string') return `the string \`${text}\``;
  return node.tag ? `a \`${node.tag.replace('tag:yaml.org,2002:', '!!')}\` value` : `the value \`${text}\``;
}
