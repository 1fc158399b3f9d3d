/** Runs the BUILT `csmlint` binary once over many fixtures and splits its JSON findings per fixture. */
import { spawnSync } from 'node:child_process';
import type { JsonReport } from 'csmlint';
import { CLI_BIN, FIXTURES_DIR, type ExpectedFinding, type Fixture } from './fixtures.js';

/** Findings per fixture name (file relative to the fixture, message included), from one CLI process. */
export function lintFixturesWithCli(fixtures: Fixture[]): Map<string, ExpectedFinding[]> {
  const child = spawnSync(process.execPath, [CLI_BIN, '--format', 'json', ...fixtures.map((f) => f.name)], {
    cwd: FIXTURES_DIR,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (child.status === null || child.status > 2 || !child.stdout.startsWith('{')) {
    throw new Error(`csmlint failed (status ${child.status}): ${child.stderr}`);
  }
  const report = JSON.parse(child.stdout) as JsonReport;
  const byFixture = new Map<string, ExpectedFinding[]>(fixtures.map((f) => [f.name, []]));
  for (const d of report.diagnostics) {
    const cut = d.file.indexOf('/');
    const findings = byFixture.get(d.file.slice(0, cut));
    if (!findings) throw new Error(`a finding outside the fixtures: ${d.file}`);
    findings.push({ ruleId: d.ruleId, severity: d.severity, file: d.file.slice(cut + 1), range: d.range, message: d.message });
  }
  return byFixture;
}
