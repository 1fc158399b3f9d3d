/** Every fixture through every door: the same findings as its expected.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '@csmlint/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFixtures, type ExpectedFinding } from './helpers/fixtures.js';
import { lintFixturesWithCli } from './helpers/lint-fixture-cli.js';
import { lintFixtureWithCore, toExpected } from './helpers/lint-fixture.js';

const update = process.env.UPDATE_FIXTURES === '1';
const fixtures = listFixtures();

const coreRuns = new Map<string, Promise<Diagnostic[]>>();
/** Core's findings for a fixture, computed once for all the doors compared with it. */
function lintWithCore(dir: string): Promise<Diagnostic[]> {
  let run = coreRuns.get(dir);
  if (!run) coreRuns.set(dir, (run = lintFixtureWithCore(dir)));
  return run;
}

const withMessage = (d: Diagnostic): ExpectedFinding => ({ ...toExpected(d), message: d.message });

// The CLI door: ONE process for all fixtures (one per fixture would be slow on 2 cores).
let cliFindings: Map<string, ExpectedFinding[]>;
beforeAll(() => {
  cliFindings = lintFixturesWithCli(fixtures);
});

describe.each(fixtures)('fixture $name', ({ name, dir, expected }) => {
  it('core finds exactly the expected findings', async () => {
    const diagnostics = await lintWithCore(dir);
    const actual = diagnostics.map(toExpected);
    if (update) {
      writeFileSync(join(dir, 'expected.json'), JSON.stringify({ diagnostics: actual }, null, 2) + '\n');
      return;
    }
    expect(actual).toEqual(expected.map(({ message: _message, ...rest }) => rest));
    const messages = expected.map((e, i) => e.message ?? diagnostics[i]?.message);
    expect(diagnostics.map((d) => d.message)).toEqual(messages);
  });

  it('the CLI (built binary, --format json) gives the same findings and messages as core', async () => {
    const core = (await lintWithCore(dir)).map(withMessage);
    expect(cliFindings.get(name)).toEqual(core);
  });
});
