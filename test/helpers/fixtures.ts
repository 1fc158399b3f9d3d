/** Reading fixture packages from `fixtures/` for table-driven tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURES_DIR = join(REPO_ROOT, 'fixtures');
export const CLI_BIN = join(REPO_ROOT, 'packages/cli/bin/csmlint.js');
export const SERVER_BIN = join(REPO_ROOT, 'packages/language-server/bin/csmlint-language-server.js');

/** One expected finding, as `expected.json` spells it: 1-based line and column, file relative to the fixture. */
export interface ExpectedFinding {
  ruleId: string;
  severity: string;
  file: string;
  range: { start: { line: number; column: number }; end: { line: number; column: number } };
  message?: string;
}

export interface Fixture {
  name: string;
  dir: string;
  expected: ExpectedFinding[];
}

/** Every fixture directory holding an `expected.json`. */
export function listFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((name) => statSync(join(FIXTURES_DIR, name)).isDirectory() && existsSync(join(FIXTURES_DIR, name, 'expected.json')))
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      const parsed = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { diagnostics: ExpectedFinding[] };
      return { name, dir, expected: parsed.diagnostics };
    });
}
