/** Which metadata the structure and metric rules look at, and how they name a metric in messages. */
import type { PackageContext } from '../package-context.js';
import type { SourceFile } from '../source.js';
import { stringValue, type MetadataModel, type MetricEntry } from '../yaml/metadata-model.js';

export interface ParsedMetadata {
  file: SourceFile;
  model: MetadataModel;
}

/** The parsed metadata file, whatever its content. */
export function parsedMetadata(pkg: PackageContext): ParsedMetadata | undefined {
  return pkg.metadataFile && pkg.metadata ? { file: pkg.metadataFile, model: pkg.metadata } : undefined;
}

/**
 * The metadata when its structure can be checked: it parsed without syntax errors and has the
 * `metrics:` layout (a look-alike file gets CSM205 only).
 */
export function checkedMetadata(pkg: PackageContext): ParsedMetadata | undefined {
  const parsed = parsedMetadata(pkg);
  if (!parsed || parsed.model.hasSyntaxErrors || parsed.model.layout.kind !== 'metrics') return undefined;
  return parsed;
}

/** How messages name a metric: "the metric `rmse`", or "metric 2" when it has no usable name. */
export function describeMetric(entry: MetricEntry): string {
  const name = stringValue(entry, 'name');
  return name && name.trim() !== '' ? `the metric \`${name}\`` : `metric ${entry.index + 1}`;
}
