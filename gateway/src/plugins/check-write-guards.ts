import { type FieldNode, type GraphQLError, valueFromASTUntyped } from 'graphql';
import type { HubContext } from '../context.js';
import { hubError } from '../errors.js';
import { childIdsOf, MAX_CHILDREN_PER_WRITE, WRITE_GUARDS } from '../policy/write-guards.js';

/**
 * Before a guarded mutation reaches an institution: every child it names must be known
 * (and, where required, related to the viewer). Unknown and unrelated look the same:
 * NOT_FOUND naming the argument. Null when every guard holds.
 */
export async function checkWriteGuards(
  mutationFields: ReadonlyArray<{ node: FieldNode }>,
  variables: Record<string, unknown>,
  context: HubContext,
): Promise<GraphQLError | null> {
  // Every root field of the mutation (`rootFields`), inside inline fragments too
  // (`... on Mutation { recordHomeVisit(…) }`): they run all the same.
  for (const { node: selection } of mutationFields) {
    const guard = WRITE_GUARDS[selection.name.value];
    if (!guard) continue;
    const argument = selection.arguments?.find((arg) => arg.name.value === guard.argument);
    const ids = argument ? childIdsOf(valueFromASTUntyped(argument.value, variables), guard.path) : [];
    if (ids.length === 0) continue; // the subgraph's own validation answers BAD_USER_INPUT
    const field = `${guard.argument}.${guard.path.join('.')}`;
    // Before any lookup: each id named costs the hub's directory and an institution a lookup.
    if (ids.length > MAX_CHILDREN_PER_WRITE) return hubError('BAD_USER_INPUT', `A write names at most ${MAX_CHILDREN_PER_WRITE} children`, { field });
    // Both facts are asked at once (the write waits on the slower, not on the sum). Where a
    // relationship is needed and an institution cannot vouch for it, the answer is
    // SOURCE_UNAVAILABLE for a known and an unknown child alike: the outage tells nothing.
    const relationshipsLoaded = guard.requires === 'relationship' ? context.relationships.forChildren(ids) : null;
    relationshipsLoaded?.catch(() => undefined); // awaited below
    const known = await context.loaders.childById.loadMany(ids);
    const relationships = relationshipsLoaded ? await relationshipsLoaded : null;
    const unvouched = ids.map((id) => relationships?.get(id)).find((relationship) => relationship && relationship.kinds.length === 0 && relationship.unavailable.length > 0);
    if (unvouched) return hubError('SOURCE_UNAVAILABLE', 'A service needed to check this write is unavailable', { source: unvouched.unavailable.join(', ') });
    // A directory that cannot be read is an outage, not an unknown child: thrown, and answered
    // SOURCE_UNAVAILABLE (source HUB) by the executor, for a known and an unknown child alike.
    const failed = known.find((child): child is Error => child instanceof Error);
    if (failed) throw failed;
    if (known.some((child) => child === null)) return hubError('NOT_FOUND', 'Child not found', { field });
    if (relationships && ids.some((id) => !relationships.get(id)?.kinds.length)) return hubError('NOT_FOUND', 'Child not found', { field });
  }
  return null;
}
