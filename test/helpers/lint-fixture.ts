/** Runs a fixture package through the core engine and normalizes the findings like expected.json. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { toOneBased, type Diagnostic, type LintOptions } from '@csmlint/core';
import { loadLinter } from 'csmlint';
import type { ExpectedFinding } from './fixtures.js';

const PACKAGE_FILES = ['metadata.yaml', 'metadata.yml', 'custom_metrics.py'];

/** The fixture's config (`.csmlint.yaml`), as lint options. */
export function fixtureOptions(dir: string): LintOptions {
  const path = join(dir, '.csmlint.yaml');
  if (!existsSync(path)) return {};
  const config = (parse(readFileSync(path, 'utf8')) ?? {}) as LintOptions;
  return { rules: config.rules, targetType: config.targetType, maxFileSize: config.maxFileSize };
}

/** Lints the package in `dir` with the core engine (file paths relative to the fixture). */
export async function lintFixtureWithCore(dir: string): Promise<Diagnostic[]> {
  const linter = await loadLinter();
  const files = PACKAGE_FILES.filter((f) => existsSync(join(dir, f))).map((f) => ({ path: f, content: readFileSync(join(dir, f)) }));
  const result = linter.lint(files, fixtureOptions(dir));
  if (result.ruleFailures.length) throw new Error(`rule failures: ${result.ruleFailures.map((f) => `${f.ruleId}: ${String(f.error)}`).join('; ')}`);
  return result.diagnostics;
}

/** A diagnostic in expected.json's shape (1-based). */
export function toExpected(d: Pick<Diagnostic, 'ruleId' | 'severity' | 'file' | 'range'>): ExpectedFinding {
  const start = toOneBased(d.range.start);
  const end = toOneBased(d.range.end);
  return { ruleId: d.ruleId, severity: d.severity, file: d.file, range: { start, end } };
}
