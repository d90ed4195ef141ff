import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { type GraphQLSchema, parse } from 'graphql';

export interface SubgraphSchemaSource {
  name: string;
  buildSchema(): Promise<GraphQLSchema>;
}

/**
 * Composition hints we have read and accept, by code and subgraph-independent message
 * fragment. Any other hint fails `npm run compose` and the drift test.
 */
export const ACCEPTED_HINTS: ReadonlyArray<{ code: string; because: string }> = [];

export interface Composition {
  /** File name under schema/ → content. */
  files: Map<string, string>;
  errors: string[];
  unacceptedHints: string[];
}

const header = (what: string) =>
  `# GENERATED FILE — do not edit. ${what}\n# Regenerate with \`npm run compose\`; \`npm run schema:check\` (and npm test) fail on drift.\n\n`;

/**
 * Prints each subgraph's SDL from its code and composes the supergraph with
 * `@apollo/composition`. URLs in the supergraph are placeholders: the hub reads the real
 * ones from its configuration.
 */
export async function composeSupergraph(sources: readonly SubgraphSchemaSource[]): Promise<Composition> {
  const files = new Map<string, string>();
  const definitions = [];
  for (const source of sources) {
    const sdl = printSubgraphSchema(await source.buildSchema());
    files.set(`${source.name}.graphql`, `${header(`SDL of the ${source.name} subgraph, printed from its code.`)}${sdl}\n`);
    definitions.push({ name: source.name, url: `http://${source.name}.subgraph.invalid/graphql`, typeDefs: parse(sdl) });
  }
  const result = composeServices(definitions);
  const unacceptedHints = (result.hints ?? [])
    .filter((hint) => !ACCEPTED_HINTS.some((accepted) => accepted.code === hint.definition.code))
    .map((hint) => `${hint.definition.code}: ${hint.message}`);
  if (result.errors) return { files, errors: result.errors.map((error) => error.message), unacceptedHints };
  files.set('supergraph.graphql', `${header('Supergraph composed from the subgraph SDLs beside it.')}${result.supergraphSdl}\n`);
  return { files, errors: [], unacceptedHints };
}
