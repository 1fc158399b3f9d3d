/**
 * Runs a fixture package through the core engine the way every host does — the real config loader
 * (`.csmlint.yaml` / `[tool.csmlint]`, walking up) and the real file reader — and normalizes the
 * findings like expected.json (file paths relative to the fixture).
 */
import { relative } from 'node:path';
import { lintOptionsFromConfig, toOneBased, type Diagnostic } from '@csmlint/core';
import { loadConfigForDirectory, loadLinter, readPackageFiles } from 'csmlint';
import type { ExpectedFinding } from './fixtures.js';

/** Lints the package in `dir` with the core engine (file paths relative to the fixture). */
export async function lintFixtureWithCore(dir: string): Promise<Diagnostic[]> {
  const relativeToFixture = (d: Diagnostic): Diagnostic => ({ ...d, file: relative(dir, d.file) });
  const loaded = await loadConfigForDirectory(dir);
  if (loaded.diagnostics.length) return loaded.diagnostics.map(relativeToFixture);
  const { files, diagnostics: ioErrors } = await readPackageFiles(dir);
  if (ioErrors.length) return ioErrors.map(relativeToFixture);
  const linter = await loadLinter();
  const inputs = files.map((f) => ({ path: relative(dir, f.path), content: f.content }));
  const result = linter.lint(inputs, lintOptionsFromConfig(loaded.config));
  if (result.ruleFailures.length) throw new Error(`rule failures: ${result.ruleFailures.map((f) => `${f.ruleId}: ${String(f.error)}`).join('; ')}`);
  return result.diagnostics;
}

/** A diagnostic in expected.json's shape (1-based). */
export function toExpected(d: Pick<Diagnostic, 'ruleId' | 'severity' | 'file' | 'range'>): ExpectedFinding {
  const start = toOneBased(d.range.start);
  const end = toOneBased(d.range.end);
  return { ruleId: d.ruleId, severity: d.severity, file: d.file, range: { start, end } };
}
