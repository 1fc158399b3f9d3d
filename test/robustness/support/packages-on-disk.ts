/** Writing small metric packages to temporary directories for the CLI and server tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const VALID_METADATA = `metrics:
  - name: weighted_mae
    label: Weighted MAE
    entryPoint: weighted_mae
    primaryMetric: true
    useWeights: true
`;

export const VALID_CODE = `def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    total = sum(abs(t - p) * (w if sample_weight is not None else 1) for t, p, w in zip(y_true, y_pred, sample_weight or [1] * len(y_true)))
    return total / len(y_true)
`;

/** A fresh temporary directory (removed by `removeDir`). */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `csmlint-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Writes `files` (relative path → contents) under `dir`, creating parent directories. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A valid two-file package under `dir/sub`, with overrides per file. */
export function writeValidPackage(dir: string, sub: string, overrides: Partial<Record<'metadata.yaml' | 'custom_metrics.py', string | Uint8Array>> = {}): void {
  writeFiles(dir, {
    [`${sub}/metadata.yaml`]: overrides['metadata.yaml'] ?? VALID_METADATA,
    [`${sub}/custom_metrics.py`]: overrides['custom_metrics.py'] ?? VALID_CODE,
  });
}
