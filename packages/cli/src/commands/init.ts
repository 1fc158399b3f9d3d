/** `csmlint init [dir]`: a starter package that lints clean, written only where no package file exists yet. */
import { constants } from 'node:fs';
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { describeIoError } from '../io-errors.js';
import { displayPath } from '../json-diagnostic.js';
import { PACKAGE_FILE_NAMES } from '../read-package.js';

/** The starter metadata.yaml: two metrics, every field shown once. */
export const STARTER_METADATA = `# Custom Scoring Metric package: the metrics this version declares.
# Every metric needs name, label, entryPoint and primaryMetric; exactly one is primary.
# csmlint explain CSM210 (and the other rules) says what each check wants.
metrics:
  - name: weighted_mae
    label: Weighted MAE
    entryPoint: weighted_mae          # a function defined at the top of custom_metrics.py
    primaryMetric: true               # the one metric used for grid search
    description: Mean absolute error, weighted by row weights
    lowerIsBetter: true               # default true
    useWeights: true                  # default false; true passes sample_weight=
  - name: max_abs_error
    label: Max absolute error
    entryPoint: max_abs_error
    primaryMetric: false
    description: The largest absolute error over all rows
    lowerIsBetter: true
`;

/** The starter custom_metrics.py: the call convention, scikit-learn order, with docstrings. */
export const STARTER_CODE = `"""Custom scoring metrics: one function per metric declared in metadata.yaml.

Each metric is called as \`fn(y_true, y_pred, **kwargs)\` and returns one number; metrics with
\`useWeights: true\` also get \`sample_weight=\` (one weight per row).
"""
import numpy as np


def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    """Mean absolute error, each row weighted by \`sample_weight\` (equal weights when absent)."""
    errors = np.abs(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float))
    weights = np.ones_like(errors) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    return float(np.sum(errors * weights) / np.sum(weights))


def max_abs_error(y_true, y_pred, **kwargs) -> float:
    """The largest absolute difference between actual and predicted values."""
    errors = np.abs(np.asarray(y_true, dtype=float) - np.asarray(y_pred, dtype=float))
    return float(np.max(errors))
`;

const STARTER_FILES: ReadonlyArray<readonly [string, string]> = [
  ['metadata.yaml', STARTER_METADATA],
  ['custom_metrics.py', STARTER_CODE],
];

/** Writes the starter package into `dir` (created if needed); returns what to print. Refuses (UsageError) when any package file exists there. */
export async function initPackage(dir: string, cwd: string): Promise<string> {
  const target = resolve(cwd, dir);
  for (const name of PACKAGE_FILE_NAMES) {
    if (await exists(join(target, name))) {
      throw new UsageError(`\`${displayPath(join(target, name), cwd)}\` already exists; \`csmlint init\` never overwrites files`);
    }
  }
  const written: string[] = [];
  try {
    await mkdir(target, { recursive: true });
    for (const [name, text] of STARTER_FILES) {
      const path = join(target, name);
      await writeFile(path, text, { flag: 'wx' }); // `wx`: a file created meanwhile is not overwritten either
      written.push(displayPath(path, cwd));
    }
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file is in the way' : describeIoError(error);
    throw new UsageError(`could not write the starter package to \`${displayPath(target, cwd) || '.'}\`: ${reason}`);
  }
  const shown = displayPath(target, cwd) || '.';
  return `Created ${written.join(' and ')}.\nCheck them with \`csmlint ${shown}\`; see the metrics the server would store with \`csmlint preview ${shown}\`.\n`;
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
