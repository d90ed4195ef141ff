import 'reflect-metadata';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './compose/compose-supergraph.js';
import { SUBGRAPH_SOURCES } from './compose/subgraph-sources.js';
import { trustedOperationsManifest } from './compose/trusted-operations.js';

const SCHEMA_DIR = path.resolve(__dirname, '../schema');

/** `npm run compose` writes schema/; `npm run schema:check` (--check) fails on drift. */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const composition = await composeSupergraph(SUBGRAPH_SOURCES);
  composition.files.set('trusted-operations.json', trustedOperationsManifest(path.resolve(__dirname, '../examples')));
  if (composition.errors.length > 0 || composition.unacceptedHints.length > 0) {
    for (const line of [...composition.errors, ...composition.unacceptedHints]) process.stderr.write(`${line}\n`);
    process.exitCode = 1;
    return;
  }
  let drift = 0;
  for (const [name, content] of composition.files) {
    const file = path.join(SCHEMA_DIR, name);
    if (check) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        // missing file: drift
      }
      if (current !== content) {
        drift += 1;
        process.stderr.write(`schema/${name} differs from the code: run npm run compose\n`);
      }
    } else {
      writeFileSync(file, content);
      process.stdout.write(`wrote schema/${name}\n`);
    }
  }
  if (drift > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
