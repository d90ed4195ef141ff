import { Arg, Ctx, Directive, Field, ID, ObjectType, Query, Resolver } from 'type-graphql';
import { type Role, Source, type Viewer } from '../domain.js';
import { badUserInput, forbidden } from '../errors.js';
import type { SubgraphContext } from '../subgraph/subgraph-definition.js';

/** One care relationship between the viewer and a child, as the owning institution knows it. */
export interface CareRelationshipRecord {
  childId: string;
  /** e.g. `FOLLOWING_NURSE`, `REFERENT`, `RELAIS_OF_CHILDMINDER`, `COURT_HOLDING_CASE`. */
  kind: string;
}

/**
 * How a subgraph answers "which children does this viewer have a relationship with?".
 * `childIds` null means "all of them" (for `myChildren`); otherwise only among these ids.
 */
export type CareRelationshipFinder<TContext> = (
  context: TContext,
  viewer: Viewer,
  childIds: readonly string[] | null,
) => Promise<CareRelationshipRecord[]>;

/**
 * ` AND <column> = ANY($n)` when the hub asks about given children (adding the parameter),
 * nothing when it asks for all of them. Each finder answers in one plain SQL statement: the
 * hub asks on nearly every request, so this is the hottest query of every subgraph.
 */
export function amongChildren(column: string, childIds: readonly string[] | null, params: unknown[]): string {
  if (!childIds) return '';
  params.push([...childIds]);
  return ` AND ${column} = ANY($${params.length}::text[])`;
}

/**
 * Whose relationships are asked for: the agent named by the arguments, which must be the
 * signed viewer when the hub sends one (the hub always asks on behalf of its viewer, with
 * the viewer's own claims). Arguments naming another agent, role or institution than the
 * signed viewer are refused rather than believed: a nurse's call may not ask as a doctor.
 * Without a viewer (the hub's own calls) the arguments are the only word there is.
 */
export function relationshipSubject(signed: Viewer | null, asked: Viewer): Viewer {
  if (!signed) return asked;
  if (signed.agentId !== asked.agentId || signed.role !== asked.role || signed.institution !== asked.institution) {
    throw forbidden('Care relationships are answered for the signed viewer only');
  }
  return signed;
}

/** Largest `childIds` list the hub may send in one call. */
export const MAX_RELATIONSHIP_CHILD_IDS = 5_000;

/** `_aseCareRelationships`: the internal root field through which the hub asks a subgraph. */
export function careRelationshipsFieldName(source: Source): string {
  return `_${source.toLowerCase()}CareRelationships`;
}

/**
 * Builds the internal, `@inaccessible` root field through which the hub loads care
 * relationships from one subgraph. Clients cannot select it through the hub (it is not in
 * the API schema) and cannot reach the subgraph directly (hub signature). Names carry the
 * source so that the four subgraphs' fields never merge in composition.
 */
export function createCareRelationshipsResolver<TContext extends SubgraphContext>(source: Source, find: CareRelationshipFinder<TContext>) {
  const prefix = source.charAt(0) + source.slice(1).toLowerCase();

  @ObjectType(`${prefix}CareRelationship`)
  @Directive('@inaccessible')
  class CareRelationship implements CareRelationshipRecord {
    @Field(() => ID)
    childId: string;

    @Field(() => String)
    kind: string;
  }

  @Resolver()
  class CareRelationshipsResolver {
    @Query(() => [CareRelationship], { name: careRelationshipsFieldName(source) })
    @Directive('@inaccessible')
    async careRelationships(
      @Arg('agentId', () => ID) agentId: string,
      @Arg('role', () => String) role: string,
      @Arg('institution', () => String) institution: string,
      @Arg('childIds', () => [ID], { nullable: true }) childIds: string[] | null,
      @Ctx() context: TContext,
    ): Promise<CareRelationshipRecord[]> {
      const viewer = relationshipSubject(context.viewer, { agentId, role: role as Role, institution });
      if (childIds && childIds.length > MAX_RELATIONSHIP_CHILD_IDS) throw badUserInput('childIds', 'Too many child ids');
      if (childIds && childIds.length === 0) return [];
      return find(context, viewer, childIds ?? null);
    }
  }

  return CareRelationshipsResolver;
}
