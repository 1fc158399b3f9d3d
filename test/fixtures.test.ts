/** Every fixture through every door: the same findings as its expected.json. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFixtures } from './helpers/fixtures.js';
import { lintFixtureWithCore, toExpected } from './helpers/lint-fixture.js';

const update = process.env.UPDATE_FIXTURES === '1';

describe.each(listFixtures())('fixture $name', ({ dir, expected }) => {
  it('core finds exactly the expected findings', async () => {
    const actual = (await lintFixtureWithCore(dir)).map(toExpected);
    if (update) writeFileSync(join(dir, 'expected.json'), JSON.stringify({ diagnostics: actual }, null, 2) + '\n');
    else expect(actual).toEqual(expected.map(({ message: _message, ...rest }) => rest));
  });
});
