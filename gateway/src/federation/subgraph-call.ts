import { encodeViewer, HUB_VIEWER_HEADER, REQUEST_ID_HEADER } from '../../../common/src/hub-signature.js';
import type { Viewer } from '../../../common/src/domain.js';
import type { SubgraphName } from '../config.js';
import type { SignedFetch } from './signed-fetch.js';

/** A subgraph did not answer, or answered with errors: the fact it owns is unknown. */
export class SubgraphCallError extends Error {
  constructor(readonly subgraph: string, readonly reason: string) {
    super(`Subgraph ${subgraph} call failed: ${reason}`);
    this.name = 'SubgraphCallError';
  }
}

/**
 * One signed GraphQL call from the hub itself (not through the planner) to a subgraph's
 * internal field. Any transport error, non-200 status or GraphQL error is a
 * SubgraphCallError: the caller must then withhold, never guess. With the request's set of
 * institutions that did not answer (`HubContext.unavailableSources`, shared with the
 * planner's fetches), one found there is not asked, nor waited for, again, and one that
 * fails here is added to it.
 */
export async function callSubgraph<T>(args: {
  fetch: SignedFetch;
  subgraph: SubgraphName;
  url: string;
  query: string;
  variables: Record<string, unknown>;
  viewer: Viewer | null;
  requestId: string;
  unavailable?: Set<SubgraphName>;
}): Promise<T> {
  if (args.unavailable?.has(args.subgraph)) throw new SubgraphCallError(args.subgraph, 'unavailable earlier in this request');
  try {
    return await post<T>(args);
  } catch (error) {
    if (error instanceof SubgraphCallError) args.unavailable?.add(args.subgraph);
    throw error;
  }
}

async function post<T>(args: Parameters<typeof callSubgraph>[0]): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', [REQUEST_ID_HEADER]: args.requestId };
  if (args.viewer) headers[HUB_VIEWER_HEADER] = encodeViewer(args.viewer);
  let response: Awaited<ReturnType<SignedFetch>>;
  try {
    response = await args.fetch(args.url, { subgraph: args.subgraph, method: 'POST', headers, body: JSON.stringify({ query: args.query, variables: args.variables }) });
  } catch (error) {
    throw new SubgraphCallError(args.subgraph, error instanceof Error ? error.name : 'transport');
  }
  if (response.status !== 200) throw new SubgraphCallError(args.subgraph, `status ${response.status}`);
  const body = (await response.json().catch(() => null)) as { data?: T; errors?: unknown[] } | null;
  if (!body || body.errors?.length || !body.data) throw new SubgraphCallError(args.subgraph, 'graphql errors');
  return body.data;
}
