/** Running the BUILT `csmlint` binary as a child process, and building throwaway package trees for it. */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI_BIN } from './fixtures.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `csmlint ...args` in `cwd`; colors off unless `env` says otherwise; stdin closed. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI_BIN, ...args], { cwd: options.cwd, env, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
    child.stdin?.end();
  });
}

/** Writes `files` (path → text) under a new temporary directory and returns it. */
export function makeTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'csmlint-cli-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** A package that lints clean. */
export const VALID_METADATA = `metrics:
  - name: weighted_mae
    label: Weighted MAE
    entryPoint: weighted_mae
    primaryMetric: true
    description: Mean absolute error weighted by row weights
    lowerIsBetter: true
    useWeights: true
`;

export const VALID_CODE = `import numpy as np


def weighted_mae(y_true, y_pred, sample_weight=None, **kwargs) -> float:
    weights = np.ones(len(y_true)) if sample_weight is None else np.asarray(sample_weight)
    return float(np.average(np.abs(np.asarray(y_true) - np.asarray(y_pred)), weights=weights))
`;

/** The valid package with one unused suppression: exactly one warning (CSM900), no error. */
export const WARNING_METADATA = VALID_METADATA.replace('    entryPoint:', '    # csmlint-disable-next-line CSM401\n    entryPoint:');
