/** Lints a package through the core and asserts the robustness contract: no throw, no rule failure, bounded time, ranges in bounds. */
import type { Linter, LintOptions, LintResult, PackageFileInput } from '@csmlint/core';
import { boundsViolations, documentsOf } from './bounds.js';

/** Per-package time budget for inputs of a few kilobytes; generous for a loaded 2-core CI machine. */
export const LINT_BUDGET_MS = 2_000;

/** Why the contract failed, thrown so fast-check can shrink the input. */
export class RobustnessFailure extends Error {}

/** Lints `files` and throws a RobustnessFailure naming what broke; returns the result otherwise. */
export function lintRobustly(linter: Linter, files: PackageFileInput[], options: LintOptions = {}, budgetMs = LINT_BUDGET_MS): LintResult {
  const started = performance.now();
  let result: LintResult;
  try {
    result = linter.lint(files, options);
  } catch (error) {
    throw new RobustnessFailure(`lint threw: ${(error as Error).stack ?? String(error)}`);
  }
  const elapsed = performance.now() - started;
  if (result.ruleFailures.length) {
    const failures = result.ruleFailures.map((f) => `${f.ruleId}: ${(f.error as Error)?.stack ?? String(f.error)}`);
    throw new RobustnessFailure(`rule failures:\n${failures.join('\n')}`);
  }
  if (elapsed > budgetMs) throw new RobustnessFailure(`lint took ${Math.round(elapsed)} ms (budget ${budgetMs} ms)`);
  const violations = boundsViolations(result, documentsOf(files, options.maxFileSize));
  if (violations.length) throw new RobustnessFailure(`ranges out of bounds:\n${violations.join('\n')}`);
  return result;
}

/** A two-file package from the texts (or bytes) of metadata.yaml and custom_metrics.py. */
export function twoFilePackage(metadata: string | Uint8Array, code: string | Uint8Array): PackageFileInput[] {
  return [
    { path: 'metadata.yaml', content: metadata },
    { path: 'custom_metrics.py', content: code },
  ];
}

/**
 * Collects Node process warnings (a dependency printing to stderr, e.g. yaml's complex-key warning)
 * from now on; `stop` waits a tick for pending ones and returns them.
 */
export function recordProcessWarnings(): { stop(): Promise<string[]> } {
  const warnings: string[] = [];
  const listener = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
  process.on('warning', listener);
  return {
    async stop() {
      await new Promise((resolve) => setImmediate(resolve));
      process.off('warning', listener);
      return warnings;
    },
  };
}
