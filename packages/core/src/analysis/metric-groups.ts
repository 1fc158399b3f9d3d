/** Facts across metric items: repeated names or labels, and which metrics are primary. */
import { MAX_RELATED_LOCATIONS } from '../conventions.js';
import type { Range } from '../diagnostic.js';
import type { CustomMetricField } from '../schema.js';
import { booleanValue, getField, stringValue, type MetricEntry } from '../yaml/metadata-model.js';

export interface DuplicateValue {
  value: string;
  /** The repeated occurrence (every one after the first). */
  range: Range;
  /** The other occurrences, first one first (at most MAX_RELATED_LOCATIONS). */
  others: Range[];
}

/** Every occurrence after the first of a string field's value used by several metrics (blank values skipped). */
export function duplicateValues(metrics: MetricEntry[], field: CustomMetricField): DuplicateValue[] {
  const byValue = new Map<string, Range[]>();
  for (const entry of metrics) {
    const value = stringValue(entry, field);
    if (value === undefined || value.trim() === '') continue;
    const ranges = byValue.get(value) ?? [];
    ranges.push(getField(entry, field)!.valueRange);
    byValue.set(value, ranges);
  }
  const found: DuplicateValue[] = [];
  for (const [value, ranges] of byValue) {
    for (let i = 1; i < ranges.length; i++) {
      const others = ranges.slice(0, MAX_RELATED_LOCATIONS + 1).filter((_, j) => j !== i).slice(0, MAX_RELATED_LOCATIONS);
      found.push({ value, range: ranges[i]!, others });
    }
  }
  return found;
}

export interface PrimaryMetrics {
  /** Metrics whose `primaryMetric` is true (`yes` counts: CSM103 reports the spelling). */
  primary: MetricEntry[];
  /** Metrics whose `primaryMetric` is false. */
  notPrimary: MetricEntry[];
  /** True when some item's `primaryMetric` is missing, empty or not a boolean: other rules report it, so "none" is not decided. */
  undecided: boolean;
}

/** Which metrics are primary. */
export function primaryMetrics(metrics: MetricEntry[]): PrimaryMetrics {
  const result: PrimaryMetrics = { primary: [], notPrimary: [], undecided: false };
  for (const entry of metrics) {
    const value = entry.isMapping ? booleanValue(entry, 'primaryMetric') : undefined;
    if (value === true) result.primary.push(entry);
    else if (value === false) result.notPrimary.push(entry);
    else result.undecided = true;
  }
  return result;
}
