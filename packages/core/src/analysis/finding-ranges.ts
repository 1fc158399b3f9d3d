/** Where schema findings go when the offending node has no useful range of its own. */
import { isMap } from 'yaml';
import type { Range } from '../diagnostic.js';
import { keyText, nodeRange, type MetadataModel, type MetricEntry } from '../yaml/metadata-model.js';
import type { ViewLocation } from './validation-view.js';

/** Where a missing field is reported: the item's first line (`name: rmse`), or the whole item. */
export function firstLineOfItem(entry: MetricEntry): Range {
  const first = entry.fields.find((f) => entry.node && isMap(entry.node) && entry.node.items.includes(f.pair));
  if (!first) return entry.range;
  const end = first.valueRange.end.line === first.keyRange.start.line ? first.valueRange.end : first.keyRange.end;
  return { start: first.keyRange.start, end };
}

/** A lone `-` parses as an empty value after it: point at the dash. */
export function emptyItemRange(entry: MetricEntry, model: MetadataModel): Range {
  const { start, end } = entry.range;
  if (start.line !== end.line || start.character !== end.character) return entry.range;
  const before = model.lines.lineText(start.line).slice(0, start.character);
  const dash = before.lastIndexOf('-');
  return dash === -1 ? entry.range : { start: { line: start.line, character: dash }, end: { line: start.line, character: dash + 1 } };
}

/** The root mapping's first key: where root-level findings go. */
export function firstKeyRange(model: MetadataModel): Range | undefined {
  const first = model.rootPairs[0];
  return first ? nodeRange(first.key, model.lines) : undefined;
}

/** The range of a root key. */
export function keyRangeOf(model: MetadataModel, key: string): Range | undefined {
  const pair = model.rootPairs.find((p) => keyText(p) === key);
  return pair ? nodeRange(pair.key, model.lines) : undefined;
}

/** For `name:` with nothing after the colon, the key (a zero-width range is hard to see). */
export function emptyValueRange(at: ViewLocation): Range {
  const r = at.valueRange;
  const zeroWidth = r.start.line === r.end.line && r.start.character === r.end.character;
  return zeroWidth && at.keyRange ? at.keyRange : r;
}
