/**
 * What sits at a position of a package file: a metric's `name`/`entryPoint` value (a function
 * reference), a metric key, a top-level key, or a `def` in custom_metrics.py. Shared by hover,
 * definition, references, rename and completion.
 */
import {
  comparePositions, isScalar, keyText, nodeRange, parseEntryPoint, rangeContains, stringValue,
  type FieldEntry, type MetricEntry, type PackageContext, type Position, type PyBinding, type PyFunction,
  type Range, type SourceFile,
} from '@csmlint/core';

/** A metric field whose value names a function of custom_metrics.py. */
export interface FunctionReference {
  entry: MetricEntry;
  field: FieldEntry;
  functionName: string;
  /** The function name inside the YAML value (without quotes or a `custom_metrics.` prefix). */
  range: Range;
}

export type Target =
  | { kind: 'reference'; reference: FunctionReference }
  | { kind: 'field-key'; entry: MetricEntry; field: FieldEntry }
  | { kind: 'top-key'; key: string; range: Range }
  | { kind: 'def'; fn: PyFunction }
  | { kind: 'python-name'; name: string; range: Range };

/** The file of the context published under `uri`. */
export function fileOf(context: PackageContext, uri: string): SourceFile | undefined {
  return context.files.find((f) => f.path === uri);
}

/** What the position points at in `uri`, if anything we know about. */
export function targetAt(context: PackageContext, uri: string, position: Position): Target | undefined {
  if (context.metadataFile?.path === uri) return yamlTargetAt(context, position);
  if (context.codeFile?.path === uri) return pythonTargetAt(context, position);
  return undefined;
}

function yamlTargetAt(context: PackageContext, position: Position): Target | undefined {
  const metadata = context.metadata;
  if (!metadata) return undefined;
  for (const entry of metadata.metrics) {
    for (const field of entry.fields) {
      if (touches(field.keyRange, position)) return { kind: 'field-key', entry, field };
      if (!touches(field.valueRange, position)) continue;
      const reference = referenceOf(context, entry, field);
      if (reference) return { kind: 'reference', reference };
    }
  }
  for (const pair of metadata.rootPairs) {
    const key = keyText(pair);
    const range = nodeRange(pair.key, metadata.lines);
    if (key !== undefined && range && touches(range, position)) return { kind: 'top-key', key, range };
  }
  return undefined;
}

function pythonTargetAt(context: PackageContext, position: Position): Target | undefined {
  const python = context.python;
  if (!python) return undefined;
  const fn = python.functions.find((f) => touches(f.nameRange, position));
  if (fn) return { kind: 'def', fn };
  const file = context.codeFile!;
  const offset = file.lines.offsetAt(position);
  const word = wordAt(file.text, offset);
  if (!word || !python.bindings.has(word.text)) return undefined;
  return { kind: 'python-name', name: word.text, range: file.lines.rangeOf(word.start, word.end) };
}

/** The function a `name` or `entryPoint` field refers to, with the name's exact range. */
export function referenceOf(context: PackageContext, entry: MetricEntry, field: FieldEntry): FunctionReference | undefined {
  if (field.field !== 'name' && field.field !== 'entryPoint') return undefined;
  const value = isScalar(field.valueNode) && typeof field.valueNode.value === 'string' ? field.valueNode.value : undefined;
  if (value === undefined) return undefined;
  const form = parseEntryPoint(value);
  if (form.kind !== 'bare' && form.kind !== 'qualified') return undefined;
  if (field.field === 'name' && form.kind !== 'bare') return undefined;
  const lines = context.metadata!.lines;
  const start = lines.offsetAt(field.valueRange.start);
  const source = lines.text.slice(start, lines.offsetAt(field.valueRange.end));
  const at = source.lastIndexOf(form.functionName);
  if (at === -1) return undefined;
  return { entry, field, functionName: form.functionName, range: lines.rangeOf(start + at, start + at + form.functionName.length) };
}

/** Every `name`/`entryPoint` value of the metadata that refers to `functionName`. */
export function referencesTo(context: PackageContext, functionName: string): FunctionReference[] {
  const found: FunctionReference[] = [];
  for (const entry of context.metadata?.metrics ?? []) {
    for (const field of entry.fields) {
      const reference = referenceOf(context, entry, field);
      if (reference?.functionName === functionName) found.push(reference);
    }
  }
  return found;
}

/** All function references of the metadata (for completion and symbols). */
export function allReferences(context: PackageContext): FunctionReference[] {
  return (context.metadata?.metrics ?? []).flatMap((entry) =>
    entry.fields.map((field) => referenceOf(context, entry, field)).filter((r): r is FunctionReference => !!r),
  );
}

/** The module-level bindings of a name; the last unconditional `def` first (the one that wins). */
export function bindingsOf(context: PackageContext, name: string): PyBinding[] {
  const bindings = context.python?.bindings.get(name) ?? [];
  return [...bindings].sort((a, b) => rank(a) - rank(b) || comparePositions(b.range.start, a.range.start));
}

function rank(binding: PyBinding): number {
  if (binding.kind === 'def' && !binding.conditional) return 0;
  if (binding.kind === 'def') return 1;
  return 2;
}

/** The function definition a metric would call: the winning top-level `def`, else a nested one with that name. */
export function functionNamed(context: PackageContext, name: string): PyFunction | undefined {
  const binding = bindingsOf(context, name).find((b) => b.fn);
  return binding?.fn ?? context.python?.functions.find((f) => f.name === name);
}

/** The metric's display name: its `name`, else its label, else its position in the list. */
export function metricTitle(entry: MetricEntry): string {
  return stringValue(entry, 'name') || stringValue(entry, 'label') || `metric #${entry.index + 1}`;
}

/** Range contains the position, ends included (a cursor just after a word still "touches" it). */
export function touches(range: Range, position: Position): boolean {
  return rangeContains(range, { start: position, end: position });
}

/** The identifier around an offset. */
export function wordAt(text: string, offset: number): { text: string; start: number; end: number } | undefined {
  let start = offset;
  let end = offset;
  while (start > 0 && /[A-Za-z0-9_]/.test(text[start - 1]!)) start--;
  while (end < text.length && /[A-Za-z0-9_]/.test(text[end]!)) end++;
  if (start === end || /[0-9]/.test(text[start]!)) return undefined;
  return { text: text.slice(start, end), start, end };
}
