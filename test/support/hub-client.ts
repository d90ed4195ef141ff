import type { GraphQLResponse } from './subgraph-client';
import { type DemoAgentId, tokenFor } from './tokens';

/** Posts an operation to the hub as a demo agent (or with a raw Authorization header). */
export async function hubPost<T = Record<string, unknown>>(
  hubUrl: string,
  as: DemoAgentId | { authorization: string } | null,
  query: string,
  variables: Record<string, unknown> = {},
  operationName?: string,
): Promise<GraphQLResponse<T>> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (as && typeof as === 'object') headers.authorization = as.authorization;
  else if (as) headers.authorization = `Bearer ${await tokenFor(as)}`;
  const response = await fetch(hubUrl, { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as GraphQLResponse<T>['body'] };
}
