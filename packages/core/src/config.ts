/**
 * The project config (format.md §6): `.csmlint.yaml`, or `[tool.csmlint]` in `pyproject.toml`.
 * Text in, validated settings and CSM901 findings out; finding and reading the files is the host's job.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseToml, TomlError } from 'smol-toml';
import { isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { closeMatches } from './analysis/suggest.js';
import { compareDiagnostics, type Diagnostic, type Range, type SeverityOrOff } from './diagnostic.js';
import { hostDiagnostic, type LintOptions } from './engine.js';
import { canonicalTargetType } from './package-context.js';
import { FILE_START, LineIndex } from './positions.js';
import { findRule, suggestRule } from './rules/index.js';
import { SCORING_METRIC_CREATE_SCHEMA, TARGET_TYPE_ENUM } from './schema.js';
import { baseName } from './source.js';
import { MAX_ALIAS_COUNT, type TargetType } from './conventions.js';

/** Config file names, in the order they win when a directory holds both. */
export const CONFIG_FILE_NAMES = ['.csmlint.yaml', 'pyproject.toml'] as const;

export type ConfigFormat = 'yaml' | 'pyproject';

/** The API's `CustomScoringMetricCreate`: the container, kept locally under `scoringMetric:`. */
export interface ScoringMetricConfig {
  name: string;
  targetType: string;
  description?: string | null;
  tags?: Array<{ name: string; value: string }>;
}

/** Validated settings. Rule keys are normalized to rule IDs; `targetType` to its canonical spelling. */
export interface CsmlintConfig {
  rules?: Record<string, SeverityOrOff>;
  /** gitignore-style patterns, relative to the config file's directory. */
  exclude?: string[];
  maxFileSize?: number;
  targetType?: TargetType;
  python?: string;
  run?: boolean;
  runTimeout?: number;
  scoringMetric?: ScoringMetricConfig;
}

export interface ParsedConfig {
  /** The settings; empty when there are findings (a bad config is never half-applied). */
  config: CsmlintConfig;
  /** CSM901 findings, on `path`. */
  diagnostics: Diagnostic[];
  /** False for a `pyproject.toml` without a `[tool.csmlint]` table: not a csmlint config. */
  hasConfig: boolean;
}

/** The values a rule can be set to in `rules` (and `--rule ID=severity`). */
export const CONFIG_SEVERITIES: readonly SeverityOrOff[] = ['off', 'hint', 'info', 'warning', 'error'];

/** The config schema (ESLint's `meta.schema` habit): shapes here, rule names checked apart for did-you-mean. */
const CONFIG_SCHEMA = {
  type: 'object',
  properties: {
    rules: { type: 'object', additionalProperties: { type: 'string', enum: CONFIG_SEVERITIES } },
    exclude: { type: ['array', 'string'], items: { type: 'string', minLength: 1 } },
    maxFileSize: { type: 'integer', minimum: 1 },
    targetType: { type: 'string', enum: TARGET_TYPE_ENUM },
    python: { type: 'string', minLength: 1 },
    run: { type: 'boolean' },
    runTimeout: { type: 'number', exclusiveMinimum: 0 },
    scoringMetric: SCORING_METRIC_CREATE_SCHEMA,
  },
  additionalProperties: false,
} as const;

/** `pyproject.toml` (or any `.toml`) holds `[tool.csmlint]`; anything else is YAML. */
export function configFormat(path: string): ConfigFormat {
  return baseName(path).toLowerCase().endsWith('.toml') ? 'pyproject' : 'yaml';
}

/** Parses and validates a config file's text. `path` is what the findings carry. */
export function parseConfig(path: string, text: string, format: ConfigFormat = configFormat(path)): ParsedConfig {
  const lines = new LineIndex(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  const read = format === 'yaml' ? readYaml(lines) : readPyproject(lines);
  if (read.kind === 'absent') return { config: {}, diagnostics: [], hasConfig: false };
  const problems = read.kind === 'syntax' ? [read.problem] : validate(read.value);
  const diagnostics = problems.map((p) =>
    hostDiagnostic('CSM901', {
      file: path,
      range: p.range ?? (read.kind === 'parsed' ? read.locate(p.path ?? [], p.part ?? 'value') : FILE_START),
      messageId: p.messageId,
      data: p.data,
    }),
  );
  diagnostics.sort(compareDiagnostics);
  if (diagnostics.length || read.kind !== 'parsed') return { config: {}, diagnostics, hasConfig: true };
  return { config: normalize(read.value as RawConfig), diagnostics, hasConfig: true };
}

/** The lint options a config asks for. */
export function lintOptionsFromConfig(config: CsmlintConfig): LintOptions {
  return {
    ...(config.rules ? { rules: config.rules } : {}),
    ...(config.targetType ? { targetType: config.targetType } : {}),
    ...(config.maxFileSize ? { maxFileSize: config.maxFileSize } : {}),
  };
}

/** The config's severity values, for hosts that accept `ID=severity` (`--rule`). */
export function isSeverityOrOff(value: string): value is SeverityOrOff {
  return (CONFIG_SEVERITIES as readonly string[]).includes(value);
}

// ---------------------------------------------------------------------------------------------
// Reading the two formats into a plain value plus a way back to source ranges.

type KeyPath = Array<string | number>;
type Locate = (path: KeyPath, part: 'key' | 'value') => Range;

type ReadResult =
  | { kind: 'parsed'; value: unknown; locate: Locate }
  | { kind: 'syntax'; problem: Problem }
  | { kind: 'absent' };

function readYaml(lines: LineIndex): ReadResult {
  const doc = parseDocument(lines.text, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'error' });
  const error = doc.errors[0];
  if (error) {
    return { kind: 'syntax', problem: syntaxProblem('YAML', error.message, lines.rangeOf(error.pos[0], error.pos[1])) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (e) {
    return { kind: 'syntax', problem: syntaxProblem('YAML', e instanceof Error ? e.message : String(e), FILE_START) };
  }
  return { kind: 'parsed', value, locate: (path, part) => locateYaml(doc.contents, path, part, lines) };
}

function locateYaml(root: Node | null, path: KeyPath, part: 'key' | 'value', lines: LineIndex): Range {
  let node: Node | null = root;
  let keyNode: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      keyNode = null;
      node = node.items[segment] as Node;
    } else break;
  }
  const target = part === 'key' ? (keyNode ?? node) : (node ?? keyNode);
  if (!target?.range) return FILE_START;
  const [start, end] = target.range;
  // A whole mapping or list is pointed at by its first line, not by every line it spans.
  const firstLineEnd = lines.lineContentEnd(lines.positionAt(start).line);
  return lines.rangeOf(start, isMap(target) || isSeq(target) ? Math.min(end, firstLineEnd) : end);
}

const TOOL_TABLE_HEADER = /^\s*\[\s*tool\s*\.\s*csmlint\s*[\].]/;

function readPyproject(lines: LineIndex): ReadResult {
  // Most pyproject.toml files are not about csmlint: do not parse (or complain about) those.
  if (!lines.text.includes('csmlint')) return { kind: 'absent' };
  let parsed: Record<string, unknown>;
  try {
    parsed = parseToml(lines.text) as Record<string, unknown>;
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const position = { line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) };
    return { kind: 'syntax', problem: syntaxProblem('TOML', e.message, { start: position, end: position }) };
  }
  const tool = parsed.tool as Record<string, unknown> | undefined;
  if (!tool || typeof tool !== 'object' || !('csmlint' in tool)) return { kind: 'absent' };
  return { kind: 'parsed', value: tool.csmlint, locate: (path, part) => locateToml(lines, path, part) };
}

/** TOML has no source positions in smol-toml: find the key's line after `[tool.csmlint…]` by its text. */
function locateToml(lines: LineIndex, path: KeyPath, part: 'key' | 'value'): Range {
  let header = 0;
  while (header < lines.lineCount && !TOOL_TABLE_HEADER.test(lines.lineText(header))) header++;
  const headerRange = () => lines.rangeOf(lines.lineStart(header), lines.lineContentEnd(header));
  const key = [...path].reverse().find((s): s is string => typeof s === 'string');
  if (header >= lines.lineCount || key === undefined) return header < lines.lineCount ? headerRange() : FILE_START;
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?:^\\s*|[.{,]\\s*)(["']?)${escaped}\\1\\s*=\\s*`);
  for (let line = header; line < lines.lineCount; line++) {
    const text = lines.lineText(line);
    const match = pattern.exec(text);
    if (!match) continue;
    const start = lines.lineStart(line);
    const keyStart = match.index + match[0].indexOf(key) - match[1]!.length;
    if (part === 'key') return lines.rangeOf(start + keyStart, start + keyStart + key.length + 2 * match[1]!.length);
    const valueStart = match.index + match[0].length;
    const valueEnd = text.replace(/\s+#[^"']*$/, '').trimEnd().length;
    return lines.rangeOf(start + valueStart, start + Math.max(valueStart, valueEnd));
  }
  return headerRange();
}

// ---------------------------------------------------------------------------------------------
// Validation: ajv for the shape, worded in the rule's messages (never raw ajv text).

interface Problem {
  messageId: string;
  data: Record<string, string>;
  path?: KeyPath;
  part?: 'key' | 'value';
  range?: Range;
}

function syntaxProblem(format: string, message: string, range: Range): Problem {
  const detail = (message.split('\n')[0] ?? '').replace(/^Invalid TOML document:\s*/, '').replace(/\.$/, '');
  return { messageId: 'syntax', data: { format, detail }, range };
}

let validator: ValidateFunction | undefined;

function compileValidator(): ValidateFunction {
  validator ??= new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }).compile(
    CONFIG_SCHEMA as unknown as Record<string, unknown>,
  );
  return validator;
}

function validate(value: unknown): Problem[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return [{ messageId: 'notMapping', data: { actual: describe(value) }, path: [] }];
  }
  const validateShape = compileValidator();
  const problems: Problem[] = [];
  const seen = new Set<string>();
  if (!validateShape(value)) {
    for (const error of validateShape.errors ?? []) {
      const problem = wordAjvError(error);
      const key = displayKey(problem.path ?? []);
      if (seen.has(key)) continue; // one finding per key (ajv may report `type` and `enum` for the same value)
      seen.add(key);
      problems.push(problem);
    }
  }
  problems.push(...unknownRules(value as RawConfig), ...targetTypeConflict(value as RawConfig));
  return problems;
}

function wordAjvError(error: ErrorObject): Problem {
  const path = pointerToPath(error.instancePath);
  const key = displayKey(path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return {
        messageId: 'unknownKey',
        data: { key: displayKey([...path, unknown]), hint: suggestion(unknown, known, `expected one of ${quoteList(known)}.`) },
        path: [...path, unknown],
        part: 'key',
      };
    }
    case 'required':
      return { messageId: 'missingKey', data: { key: key || 'The config', missing: String(params.missingProperty) }, path, part: 'key' };
    case 'type':
      return { messageId: 'wrongType', data: { key, expected: describeType(params.type), actual: describe(error.data) }, path };
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      // `Regression` stands for `regression` too: list (and suggest) the canonical spelling only.
      const shown = allowed.filter((a) => !allowed.includes(capitalize(a)) || a === capitalize(a));
      const expected = `expected one of ${quoteList(shown)}`;
      return { messageId: 'badValue', data: { key, actual: describe(error.data), expected: suggestion(String(error.data), shown, `${expected}.`, `${expected}; `) }, path };
    }
    default:
      return { messageId: 'badValue', data: { key, actual: describe(error.data), expected: limitText(error.keyword, params) }, path };
  }
}

function limitText(keyword: string, params: Record<string, unknown>): string {
  const limit = String(params.limit);
  switch (keyword) {
    case 'minimum': return `expected a number of at least ${limit}.`;
    case 'exclusiveMinimum': return `expected a number above ${limit}.`;
    case 'minLength': return `expected at least ${limit} character${limit === '1' ? '' : 's'}.`;
    case 'maxLength': return `expected at most ${limit} characters.`;
    case 'maxItems': return `expected at most ${limit} items.`;
    default: return 'see `csmlint explain invalid-config`.';
  }
}

type RawConfig = Record<string, unknown> & { rules?: unknown; scoringMetric?: unknown };

function unknownRules(config: RawConfig): Problem[] {
  const rules = config.rules;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return [];
  return Object.keys(rules)
    .filter((key) => !findRule(key))
    .map((key) => ({
      messageId: 'unknownRule',
      data: { key: `rules.${key}`, hint: didYouMean(suggestRule(key), 'run `csmlint rules` for the list.') },
      path: ['rules', key],
      part: 'key' as const,
    }));
}

function targetTypeConflict(config: RawConfig): Problem[] {
  const own = canonicalTargetType(config.targetType);
  const container = canonicalTargetType((config.scoringMetric as { targetType?: unknown } | undefined)?.targetType);
  if (!own || !container || own === container) return [];
  return [{ messageId: 'conflict', data: { value: String(config.targetType), other: String((config.scoringMetric as { targetType: unknown }).targetType) }, path: ['targetType'] }];
}

function normalize(raw: RawConfig): CsmlintConfig {
  const config: CsmlintConfig = {};
  if (raw.rules) {
    config.rules = {};
    for (const [key, severity] of Object.entries(raw.rules as Record<string, SeverityOrOff>)) config.rules[findRule(key)!.id] = severity;
  }
  if (raw.exclude !== undefined) config.exclude = typeof raw.exclude === 'string' ? [raw.exclude] : (raw.exclude as string[]);
  if (raw.maxFileSize !== undefined) config.maxFileSize = raw.maxFileSize as number;
  if (raw.python !== undefined) config.python = raw.python as string;
  if (raw.run !== undefined) config.run = raw.run as boolean;
  if (raw.runTimeout !== undefined) config.runTimeout = raw.runTimeout as number;
  if (raw.scoringMetric !== undefined) config.scoringMetric = raw.scoringMetric as ScoringMetricConfig;
  const targetType = canonicalTargetType(raw.targetType) ?? canonicalTargetType(config.scoringMetric?.targetType);
  if (targetType) config.targetType = targetType;
  return config;
}

// ---------------------------------------------------------------------------------------------
// Wording helpers.

function pointerToPath(pointer: string): KeyPath {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** `scoringMetric.tags[0].name` */
function displayKey(path: KeyPath): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (Array.isArray(value)) return value.length ? `a list of ${value.length} item${value.length === 1 ? '' : 's'}` : 'an empty list';
  if (typeof value === 'object') return 'a mapping';
  const text = String(value);
  return `\`${text.length > 40 ? text.slice(0, 39) + '…' : text}\``;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string', integer: 'a whole number', number: 'a number', boolean: '`true` or `false`',
  array: 'a list', object: 'a mapping', null: 'empty',
};

function describeType(type: unknown): string {
  const types = (Array.isArray(type) ? type : [type]).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return types.join(' or ');
}

function quoteList(items: string[]): string {
  return items.map((i) => `\`${i}\``).join(', ');
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "did you mean `x`?" when a candidate is close, else `fallback` (both end the sentence). */
function suggestion(word: string, candidates: string[], fallback: string, prefix = ''): string {
  return didYouMean(closeMatches(word, candidates)[0], fallback, prefix);
}

function didYouMean(close: string | undefined, fallback: string, prefix = ''): string {
  return close ? `${prefix}did you mean \`${close}\`?` : fallback;
}
