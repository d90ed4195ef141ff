import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { trustedOperationId } from '../../gateway/src/trusted/operation-id.js';

/**
 * The allow-list of trusted operations, built from the journeys' operation files in
 * examples/: what a production hub in enforcing mode will run, and nothing else.
 */
export function trustedOperationsManifest(examplesDir: string): string {
  let files: string[] = [];
  try {
    files = readdirSync(examplesDir).filter((file) => file.endsWith('.graphql')).sort();
  } catch {
    files = [];
  }
  const operations: Record<string, string> = {};
  for (const file of files) operations[trustedOperationId(readFileSync(path.join(examplesDir, file), 'utf8'))] = `examples/${file}`;
  return `${JSON.stringify({ generatedBy: 'npm run compose — do not edit', operations }, null, 2)}\n`;
}
