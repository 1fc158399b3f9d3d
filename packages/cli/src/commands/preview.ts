/**
 * `csmlint preview [dir]`: the `metrics` array the server would store for the package, in the shape of
 * `metrics` in the API's `CustomScoringMetricVersionResponse` (`CustomMetric` items) with the schema's
 * defaults applied (`description` "Untitled", `lowerIsBetter` true, `useWeights` false).
 *
 * Values are shown as written: the API does not say the server normalizes anything, so a qualified
 * `entryPoint` (`custom_metrics.fn`, accepted by csmlint with an info finding) is stored as it is.
 * A snake_case key (`entry_point`, a warning) stands for its camelCase field.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import {
  CUSTOM_METRIC_SCHEMA, getField, isScalar, type CustomMetricField, type Linter, type LintOptions, type MetadataModel, type PackageFileInput,
} from '@csmlint/core';
import { UsageError } from '../errors.js';
import { PACKAGE_FILE_NAMES } from '../read-package.js';

/** One stored metric: `CustomMetric` of the API, every field present. */
export interface StoredMetric {
  name: string;
  label: string;
  entryPoint: string;
  primaryMetric: boolean;
  description: string | null;
  lowerIsBetter: boolean;
  useWeights: boolean;
}

/** The order fields are printed in: required ones first, as the spec's table lists them. */
const FIELD_ORDER: readonly CustomMetricField[] = ['name', 'label', 'entryPoint', 'primaryMetric', 'description', 'lowerIsBetter', 'useWeights'];

/** The metrics of a package's parsed metadata (one without errors), defaults applied. */
export function storedMetrics(model: MetadataModel): StoredMetric[] {
  return model.metrics
    .filter((metric) => metric.isMapping)
    .map((metric) => {
      const stored: Record<string, unknown> = {};
      for (const field of FIELD_ORDER) {
        const entry = getField(metric, field);
        const schema = CUSTOM_METRIC_SCHEMA.properties[field];
        if (entry) stored[field] = isScalar(entry.valueNode) ? entry.valueNode.value : null;
        else if ('default' in schema) stored[field] = schema.default;
      }
      return stored as unknown as StoredMetric;
    });
}

/** The package directory `preview` reads: `path` itself, or the directory of a package file. Usage error otherwise. */
export async function previewDirectory(path: string, cwd: string): Promise<string> {
  const absolute = resolve(cwd, path);
  const info = await stat(absolute).catch(() => undefined);
  if (!info) throw new UsageError(`no such file or directory: \`${path}\``);
  if (info.isFile()) {
    if (PACKAGE_FILE_NAMES.includes(basename(absolute))) return dirname(absolute);
    throw new UsageError(`\`${path}\` is not a package file (${PACKAGE_FILE_NAMES.join(', ')}) nor a directory`);
  }
  for (const name of PACKAGE_FILE_NAMES) {
    if (await stat(resolve(absolute, name)).then((s) => s.isFile(), () => false)) return absolute;
  }
  throw new UsageError(`\`${path}\` holds no metric package (no ${PACKAGE_FILE_NAMES.join(', ')})`);
}

/** The stored metrics of a package that linted without errors, parsed again from the same contents. */
export function previewMetrics(linter: Linter, files: PackageFileInput[], options: LintOptions): StoredMetric[] {
  const pkg = linter.buildContext(files, options);
  try {
    return pkg.metadata ? storedMetrics(pkg.metadata) : [];
  } finally {
    pkg.python?.tree.delete();
  }
}
