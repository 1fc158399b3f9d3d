/** Exports csmlint's METADATA_SCHEMA as the JSON Schema file and Spectral ruleset the peers use. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Writes `metadata.schema.json` and `spectral-ruleset.json` into `dir`; returns their paths. */
export async function exportSchema(repoRoot, dir) {
  const core = await import(pathToFileURL(join(repoRoot, 'packages/core/dist/index.js')).href);
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'csmlint metadata.yaml', ...core.METADATA_SCHEMA };
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, 'metadata.schema.json');
  writeFileSync(schemaPath, `${JSON.stringify(schema, null, 2)}\n`);
  const ruleset = {
    rules: {
      'csm-metadata-schema': {
        description: 'metadata.yaml matches the Custom Scoring Metrics schema',
        severity: 'error',
        given: '$',
        then: { function: 'schema', functionOptions: { schema, allErrors: true } },
      },
    },
  };
  const rulesetPath = join(dir, 'spectral-ruleset.json');
  writeFileSync(rulesetPath, `${JSON.stringify(ruleset, null, 2)}\n`);
  return { schema, schemaPath, rulesetPath };
}
