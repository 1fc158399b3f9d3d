/**
 * Completion in metadata.yaml: metric keys with their docs, a snippet for a whole metric, top-level
 * keys, `true`/`false` for boolean fields, target types, and the module's functions for
 * `name`/`entryPoint`. Context comes from the line text, so half-typed YAML still completes.
 */
import {
  CUSTOM_METRIC_FIELDS, CUSTOM_METRIC_SCHEMA, SNAKE_CASE_ALIASES, TARGET_TYPES, comparePositions, keyText,
  type CustomMetricField, type MetricEntry, type PackageContext, type Position, type Range,
} from '@csmlint/core';
import {
  CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range as LspRange,
} from 'vscode-languageserver/node';
import { allReferences } from './locate.js';

export interface CompletionOptions {
  snippets: boolean;
  /** Converts an internal range of the metadata file to the client's encoding. */
  toClient: (range: Range) => LspRange;
}

const KEY_CONTEXT = /^(\s*)(-\s+)?([A-Za-z_]*)$/;
const VALUE_CONTEXT = /^(\s*)(-\s+)?([A-Za-z_]+)\s*:(\s*)([^\s#]*)$/;
const TOP_LEVEL_KEYS = ['metrics', 'targetType'] as const;

/** Completion items at `position` of the metadata file, or none elsewhere. */
export function completeAt(context: PackageContext, uri: string, position: Position, options: CompletionOptions): CompletionItem[] {
  const file = context.metadataFile;
  if (!file || file.path !== uri) return [];
  const { lines } = file;
  const offset = lines.offsetAt(position);
  const prefix = lines.text.slice(lines.lineStart(position.line), offset);
  /** The range of the `length` characters before the cursor (the word being completed). */
  const before = (length: number): LspRange => options.toClient(lines.rangeOf(offset - length, offset));
  const value = VALUE_CONTEXT.exec(prefix);
  if (value) return valueItems(context, value, before, options);
  const key = KEY_CONTEXT.exec(prefix);
  if (key) return keyItems(context, position, key, before, options);
  return [];
}

function valueItems(context: PackageContext, match: RegExpExecArray, before: (length: number) => LspRange, options: CompletionOptions): CompletionItem[] {
  const [, indent = '', dash, key = '', space = '', partial = ''] = match;
  const replace = before(partial.length);
  const lead = space === '' ? ' ' : '';
  const item = (label: string, kind: CompletionItemKind, extra: Partial<CompletionItem> = {}): CompletionItem => ({
    label, kind, textEdit: { range: replace, newText: lead + label }, filterText: lead + label, ...extra,
  });
  if (indent === '' && !dash) {
    return key === 'targetType' ? TARGET_TYPES.map((t) => item(t, CompletionItemKind.EnumMember)) : [];
  }
  const field = fieldOfKey(key);
  if (!field) return [];
  const type = (CUSTOM_METRIC_SCHEMA.properties[field] as { type: unknown }).type;
  if (type === 'boolean') return ['true', 'false'].map((b) => item(b, CompletionItemKind.Value));
  if (field !== 'name' && field !== 'entryPoint') return [];
  const declared = new Set(allReferences(context).map((r) => r.functionName));
  return topLevelFunctions(context).map((fn) =>
    item(fn.name, CompletionItemKind.Function, {
      detail: fn.signatureText,
      documentation: fn.docstring ? { kind: MarkupKind.Markdown, value: fn.docstring } : undefined,
      sortText: `${declared.has(fn.name) ? 1 : 0}${fn.name}`,
    }),
  );
}

function keyItems(context: PackageContext, position: Position, match: RegExpExecArray, before: (length: number) => LspRange, options: CompletionOptions): CompletionItem[] {
  const [, indent = '', dash = '', word = ''] = match;
  const replace = before(word.length);
  if (indent === '' && !dash) return topLevelItems(context, replace, options);
  const entry = dash ? undefined : entryAt(context, position);
  const present = new Set(entry?.fields.map((f) => f.field).filter(Boolean));
  const required = CUSTOM_METRIC_SCHEMA.required as readonly string[];
  const items: CompletionItem[] = CUSTOM_METRIC_FIELDS.filter((f) => !present.has(f)).map((field) => {
    const schema = CUSTOM_METRIC_SCHEMA.properties[field] as { description: string; type: unknown; default?: unknown };
    const isBoolean = schema.type === 'boolean';
    const snippet = options.snippets && isBoolean;
    return {
      label: field,
      kind: CompletionItemKind.Property,
      detail: `${required.includes(field) ? 'required' : 'optional'} ${Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type)}${'default' in schema ? ` = ${JSON.stringify(schema.default)}` : ''}`,
      documentation: { kind: MarkupKind.Markdown, value: schema.description },
      textEdit: { range: replace, newText: snippet ? `${field}: \${1|true,false|}` : `${field}: ` },
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      sortText: `${required.includes(field) ? 0 : 1}${String(CUSTOM_METRIC_FIELDS.indexOf(field))}`,
    };
  });
  if (dash || entry === undefined || word === '') {
    const column = indent.length + dash.length;
    items.push(metricSnippet(context, replace, dash ? column : column + 2, !dash, options.snippets));
  }
  return items;
}

function topLevelItems(context: PackageContext, replace: LspRange, options: CompletionOptions): CompletionItem[] {
  const present = new Set(context.metadata?.rootPairs.map(keyText));
  const items: CompletionItem[] = TOP_LEVEL_KEYS.filter((k) => !present.has(k)).map((key) => ({
    label: key,
    kind: CompletionItemKind.Property,
    textEdit: { range: replace, newText: key === 'metrics' ? 'metrics:\n  ' : `${key}: ` },
    documentation: key === 'metrics' ? 'The metrics of this version (1 to 100).' : 'Regression, Binary or Multiclass.',
  }));
  if (!present.has('metrics')) {
    const snippet = metricSnippet(context, replace, 4, true, options.snippets);
    snippet.label = 'metrics with one metric';
    snippet.textEdit = { range: replace, newText: `metrics:\n  ${snippet.textEdit!.newText}` };
    items.push(snippet);
  }
  return items;
}

/** A whole metric item; `column` is where its keys start; `withDash` adds the `- ` of a new list item. */
function metricSnippet(context: PackageContext, replace: LspRange, column: number, withDash: boolean, snippets: boolean): CompletionItem {
  const declared = new Set(allReferences(context).map((r) => r.functionName));
  const name = topLevelFunctions(context).find((f) => !declared.has(f.name) && !f.name.startsWith('_'))?.name ?? 'metric_name';
  const pad = ' '.repeat(column);
  const keys = snippets
    ? [`name: \${1:${name}}`, 'label: ${2:Label}', `entryPoint: \${1:${name}}`, 'primaryMetric: ${3|true,false|}']
    : [`name: ${name}`, 'label: Label', `entryPoint: ${name}`, 'primaryMetric: false'];
  const text = (withDash ? '- ' : '') + keys.join(`\n${pad}`);
  return {
    label: 'metric',
    kind: CompletionItemKind.Snippet,
    detail: 'a whole metric: name, label, entryPoint, primaryMetric',
    textEdit: { range: replace, newText: text },
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: '2metric',
  };
}

/** The metric item the cursor's line belongs to (the last one starting at or before it). */
function entryAt(context: PackageContext, position: Position): MetricEntry | undefined {
  let found: MetricEntry | undefined;
  for (const entry of context.metadata?.metrics ?? []) {
    if (comparePositions(entry.range.start, position) <= 0) found = entry;
  }
  if (found && found.range.end.line < position.line - 1) return undefined;
  return found;
}

function fieldOfKey(key: string): CustomMetricField | undefined {
  if ((CUSTOM_METRIC_FIELDS as string[]).includes(key)) return key as CustomMetricField;
  return SNAKE_CASE_ALIASES[key] as CustomMetricField | undefined;
}

function topLevelFunctions(context: PackageContext) {
  return (context.python?.functions ?? []).filter((f) => f.scope !== 'nested');
}
