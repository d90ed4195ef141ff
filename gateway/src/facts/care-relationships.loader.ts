import DataLoader from 'dataloader';
import { Role, Source, type Viewer } from '../../../common/src/domain.js';
import { careRelationshipsFieldName, type CareRelationshipRecord } from '../../../common/src/federation/care-relationships.js';
import { SUBGRAPH_NAMES, type SubgraphName } from '../config.js';
import type { SignedFetch } from '../federation/signed-fetch.js';
import { callSubgraph, SubgraphCallError } from '../federation/subgraph-call.js';

export const SOURCE_OF: Record<SubgraphName, Source> = { ase: Source.ASE, pmi: Source.PMI, rpe: Source.RPE, justice: Source.JUSTICE };

/** What the hub knows of the viewer's relationship with one child. */
export interface ChildRelationship {
  /** e.g. `pmi:FOLLOWING_NURSE`; empty when no institution that answered knows one. */
  kinds: string[];
  /** Institutions that could not be asked: with no kind, the relationship is unknown. */
  unavailable: Source[];
}

export interface RelationshipDeps {
  fetch: SignedFetch;
  urls: Readonly<Record<SubgraphName, string>>;
  viewer: Viewer;
  requestId: string;
  /** Filled with the institutions that did not answer, for the rest of the request. */
  unavailable?: Set<SubgraphName>;
}

function queryFor(name: SubgraphName): string {
  const field = careRelationshipsFieldName(SOURCE_OF[name]);
  return `query CareRelationships($agentId: ID!, $role: String!, $institution: String!, $childIds: [ID!]) {
    ${field}(agentId: $agentId, role: $role, institution: $institution, childIds: $childIds) { childId kind } }`;
}
const QUERIES = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, queryFor(name)])) as Record<SubgraphName, string>;

/**
 * The institutions that can vouch for a relationship of each role (see each subgraph's
 * relationships.ts), in the order they are asked about given children. Only those are
 * asked: an institution that never relates this role to a child is not called, and its
 * outage does not make the relationship unknown. A role left out here has no relationship
 * at all, which fails closed. The CRIP hears of most children through the relais' concerns
 * (its inbox is nothing else), the ASE head through the ASE's own dossiers: each is asked
 * first.
 */
export const RELATIONSHIP_SOURCES: Readonly<Record<Role, readonly SubgraphName[]>> = {
  [Role.PMI_NURSE]: ['pmi'],
  [Role.PMI_DOCTOR]: ['pmi'],
  [Role.RPE_COORDINATOR]: ['rpe'],
  [Role.ASE_REFERENT]: ['ase'],
  [Role.ASE_MANAGER]: ['ase', 'rpe'],
  [Role.CRIP_EVALUATOR]: ['rpe', 'ase'],
  [Role.JUDGE]: ['justice'],
  [Role.DPO]: [],
};

type Answer = { name: SubgraphName; records: CareRelationshipRecord[]; ok: boolean };

/**
 * One institution's answer; an institution that cannot answer is noted, not thrown, and not
 * waited for again in the same request.
 */
async function ask(deps: RelationshipDeps, name: SubgraphName, childIds: readonly string[] | null): Promise<Answer> {
  try {
    const data = await callSubgraph<Record<string, CareRelationshipRecord[]>>({
      fetch: deps.fetch,
      subgraph: name,
      url: deps.urls[name],
      query: QUERIES[name],
      variables: { agentId: deps.viewer.agentId, role: deps.viewer.role, institution: deps.viewer.institution, childIds },
      viewer: deps.viewer,
      requestId: deps.requestId,
      unavailable: deps.unavailable,
    });
    return { name, records: data[careRelationshipsFieldName(SOURCE_OF[name])] ?? [], ok: true };
  } catch (error) {
    if (error instanceof SubgraphCallError) return { name, records: [], ok: false };
    throw error;
  }
}

/** Every child the viewer relates to: all the role's institutions at once, one call each. */
function askAll(deps: RelationshipDeps): Promise<Answer[]> {
  return Promise.all(RELATIONSHIP_SOURCES[deps.viewer.role].map((name) => ask(deps, name, null)));
}

/**
 * Which of `childIds` the viewer relates to. One institution vouching for a child settles
 * it (a relationship is a yes or a no; which kind is never used), so the role's institutions
 * are asked in turn, each only about the children not vouched for yet: the CRIP's inbox
 * costs one call, not two. A child no institution vouches for was asked of all of them (or
 * they could not answer, which then makes its relationship unknown).
 */
async function askInTurn(deps: RelationshipDeps, childIds: readonly string[]): Promise<Answer[]> {
  const answers: Answer[] = [];
  let remaining = childIds;
  for (const name of RELATIONSHIP_SOURCES[deps.viewer.role]) {
    if (remaining.length === 0) break;
    const answer = await ask(deps, name, remaining);
    answers.push(answer);
    const vouched = new Set(answer.records.map((record) => record.childId));
    remaining = remaining.filter((id) => !vouched.has(id));
  }
  return answers;
}

function merge(answers: readonly Answer[]): { byChild: Map<string, string[]>; unavailable: Source[] } {
  const byChild = new Map<string, string[]>();
  const unavailable: Source[] = [];
  for (const answer of answers) {
    if (!answer.ok) unavailable.push(SOURCE_OF[answer.name]);
    for (const record of answer.records) {
      const kinds = byChild.get(record.childId) ?? [];
      kinds.push(`${answer.name}:${record.kind}`);
      byChild.set(record.childId, kinds);
    }
  }
  return { byChild, unavailable };
}

/**
 * The viewer's care relationships, loaded once per request: child ids asked for in the same
 * tick are batched into one call per institution. Built per request (never shared), so a
 * relationship that ends is seen on the very next request.
 */
export class CareRelationshipsLoader {
  private allChildren?: Promise<{ byChild: Map<string, string[]>; unavailable: Source[] }>;
  /** Set once `all()` has answered: every later question is answered from it. */
  private complete?: { byChild: Map<string, string[]>; unavailable: Source[] };
  private readonly perChild: DataLoader<string, ChildRelationship>;

  constructor(private readonly deps: RelationshipDeps) {
    this.perChild = new DataLoader(async (childIds) => {
      const facts = merge(await askInTurn(this.deps, childIds));
      return childIds.map((id) => ({ kinds: facts.byChild.get(id) ?? [], unavailable: facts.unavailable }));
    }, { maxBatchSize: 1_000 });
  }

  /** Every child the viewer relates to (for `myChildren`). */
  all(): Promise<{ byChild: Map<string, string[]>; unavailable: Source[] }> {
    this.allChildren ??= askAll(this.deps)
      .then(merge)
      .then((facts) => {
        this.complete = facts;
        return facts;
      });
    return this.allChildren;
  }

  forChild(childId: string): Promise<ChildRelationship> {
    return this.perChild.load(childId);
  }

  async forChildren(childIds: readonly string[]): Promise<Map<string, ChildRelationship>> {
    const complete = this.complete;
    if (complete) return new Map(childIds.map((id) => [id, { kinds: complete.byChild.get(id) ?? [], unavailable: complete.unavailable }]));
    const loaded = await this.perChild.loadMany(childIds);
    const result = new Map<string, ChildRelationship>();
    childIds.forEach((id, index) => {
      const value = loaded[index];
      if (value instanceof Error) throw value;
      result.set(id, value);
    });
    return result;
  }
}
