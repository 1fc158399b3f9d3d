/** Text edits on metadata.yaml that the metadata rules offer as fixes. */
import { isMap } from 'yaml';
import type { Fix, Range, TextEdit } from '../diagnostic.js';
import { METRICS_KEY, YAML11_BOOLEANS } from '../conventions.js';
import type { SourceFile } from '../source.js';
import type { MetadataModel, MetricEntry } from '../yaml/metadata-model.js';
import { nodeRange } from '../yaml/metadata-model.js';

/** Plain scalars YAML 1.2 or 1.1 would not read as a string. */
const NON_STRING_WORDS = new Set(['true', 'false', 'null', '~', ...Object.keys(YAML11_BOOLEANS)]);

/** `text` as a YAML string scalar: plain when it stays a string in YAML 1.1 and 1.2, else double-quoted. */
export function yamlString(text: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(text) && !NON_STRING_WORDS.has(text.toLowerCase());
  return plain ? text : JSON.stringify(text);
}

/** A fix replacing `range` of `file` with `newText`. */
export function replaceFix(file: SourceFile, range: Range, newText: string, description: string): Fix {
  return { description, edits: [{ file: file.path, range, newText }] };
}

/**
 * Wraps the root in `metrics:`: a bare list becomes its value, a single metric mapping becomes its
 * only item. Every line of the root is indented, so nested indentation and block scalars keep
 * their shape. Undefined when the root does not start its line (nothing safe to do).
 */
export function wrapInMetricsFix(file: SourceFile, model: MetadataModel): Fix | undefined {
  const range = nodeRange(model.root, file.lines);
  if (!range || range.start.character !== 0) return undefined;
  const isList = model.layout.kind === 'bare-list';
  const indent = isList ? '  ' : '    ';
  const eol = file.lines.eol;
  const edits: TextEdit[] = [];
  const at = (line: number): Range => ({ start: { line, character: 0 }, end: { line, character: 0 } });
  edits.push({ file: file.path, range: at(range.start.line), newText: `${METRICS_KEY}:${eol}${isList ? '  ' : '  - '}` });
  for (let line = range.start.line + 1; line <= range.end.line; line++) {
    if (file.lines.lineText(line).trim() !== '') edits.push({ file: file.path, range: at(line), newText: indent });
  }
  const description = isList ? 'Wrap the list in `metrics:`' : 'Make this mapping the first item of `metrics:`';
  return { description, edits };
}

/**
 * Adds `field: value` as the last line of a block-style metric (a suggestion for a missing field);
 * undefined for flow mappings, where a new line would not fit.
 */
export function addFieldFix(file: SourceFile, entry: MetricEntry, field: string, value: string): Fix | undefined {
  if (!isMap(entry.node) || entry.node.flow || entry.fields.length === 0) return undefined;
  const own = entry.fields.filter((f) => isMap(entry.node) && entry.node.items.includes(f.pair));
  const first = own[0];
  const last = own[own.length - 1];
  if (!first || !last) return undefined;
  const end = file.lines.lineContentEnd(last.valueRange.end.line);
  const position = file.lines.positionAt(end);
  const indent = ' '.repeat(first.keyRange.start.character);
  return {
    description: `Add \`${field}: ${value}\``,
    edits: [{ file: file.path, range: { start: position, end: position }, newText: `${file.lines.eol}${indent}${field}: ${value}` }],
  };
}
