/**
 * The JS value the schema validator sees, built from the YAML model so that each mistake is
 * reported once: snake_case aliases stand for their camelCase field (CSM213 reports the spelling),
 * YAML 1.1 words on boolean fields count as booleans (CSM103 reports them), and every JSON
 * pointer maps back to the YAML node it came from.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Range } from '../diagnostic.js';
import { MAX_METRICS } from '../conventions.js';
import { BOOLEAN_FIELDS } from '../schema.js';
import { asBoolean, keyText, nodeRange, resolveNode, type FieldEntry, type MetadataModel, type MetricEntry } from '../yaml/metadata-model.js';

/** Where a value of the view was written. */
export interface ViewLocation {
  /** The key as written, for properties. */
  key?: string;
  keyRange?: Range;
  /** The value's range (zero-width after the colon when the value is absent). */
  valueRange: Range;
  /** The value node, aliases resolved; null when absent. */
  valueNode: Node | null;
  /** For metric items and their fields. */
  entry?: MetricEntry;
  field?: FieldEntry;
}

export interface ValidationView {
  value: unknown;
  /** JSON pointer (as ajv's `instancePath` spells it) → where it was written. */
  locations: Map<string, ViewLocation>;
}

/** Builds the view of a metadata document whose root is not a list (lists are look-alikes). */
export function buildValidationView(model: MetadataModel): ValidationView {
  const locations = new Map<string, ViewLocation>();
  const rootRange = nodeRange(model.root, model.lines) ?? model.lines.rangeOf(0, 0);
  const root = resolveNode(model.root, model.document);
  locations.set('', { valueRange: rootRange, valueNode: root });
  if (!isMap(root)) return { value: shallowValue(root), locations };
  const value: Record<string, unknown> = {};
  for (const pair of model.rootPairs) {
    const key = keyText(pair);
    if (key === undefined) continue;
    const pointer = `/${escapePointer(key)}`;
    const valueNode = resolveNode(pair.value, model.document);
    const keyRange = nodeRange(pair.key, model.lines) ?? rootRange;
    const valueRange = nodeRange(pair.value, model.lines) ?? { start: keyRange.end, end: keyRange.end };
    locations.set(pointer, { key, keyRange, valueRange, valueNode });
    setProperty(value, key, pair === model.metricsPair && model.metricsSeq ? metricsValue(model, pointer, locations) : shallowValue(valueNode));
  }
  return { value, locations };
}

function metricsValue(model: MetadataModel, pointer: string, locations: Map<string, ViewLocation>): unknown[] {
  // One item past the cap is enough for `maxItems`; a hostile 100,000-item list costs no more.
  return model.metrics.slice(0, MAX_METRICS + 1).map((entry) => {
    const itemPointer = `${pointer}/${entry.index}`;
    locations.set(itemPointer, { valueRange: entry.range, valueNode: entry.node, entry });
    if (!entry.isMapping) return shallowValue(entry.node);
    const item: Record<string, unknown> = {};
    const camelKeys = new Set(entry.fields.filter((f) => !f.isSnakeAlias).map((f) => f.key));
    for (const field of entry.fields) {
      if (field.key === '') continue; // a collection or null key: CSM100's, or nothing to name
      // An alias next to its camelCase key is CSM213's to report, not a second value.
      if (field.isSnakeAlias && camelKeys.has(field.field!)) continue;
      const name = field.isSnakeAlias ? field.field! : field.key;
      const isBoolean = field.field !== undefined && BOOLEAN_FIELDS.includes(field.field);
      locations.set(`${itemPointer}/${escapePointer(name)}`, {
        key: field.key, keyRange: field.keyRange, valueRange: field.valueRange, valueNode: field.valueNode, entry, field,
      });
      setProperty(item, name, isBoolean ? (asBoolean(field.valueNode) ?? shallowValue(field.valueNode)) : shallowValue(field.valueNode));
    }
    return item;
  });
}

/** Enough of a node's value for type checks: scalars as they are, collections empty. */
function shallowValue(node: Node | null): unknown {
  if (isScalar(node)) return node.value ?? null;
  if (isMap(node)) return {};
  if (isSeq(node)) return [];
  return null;
}

/** Sets a property without touching prototypes (`__proto__` is a key like any other). */
function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  // Only `__proto__` has a setter on a plain object; plain assignment is much cheaper than defineProperty.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** JSON pointer escaping (RFC 6901), as ajv writes `instancePath`. */
export function escapePointer(segment: string): string {
  if (!segment.includes('~') && !segment.includes('/')) return segment;
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
