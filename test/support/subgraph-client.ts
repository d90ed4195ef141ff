import { encodeViewer, HUB_SIGNATURE_HEADER, HUB_TIMESTAMP_HEADER, HUB_VIEWER_HEADER, signHubRequest } from '../../common/src/hub-signature';
import type { Viewer } from '../../common/src/domain';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  body: { data?: T | null; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }> };
}

/** Posts to a subgraph the way the hub does: signed with the shared secret, for that subgraph. */
export async function signedPost<T = Record<string, unknown>>(
  subgraph: { name: string; url: string },
  secret: string,
  query: string,
  variables: Record<string, unknown> = {},
  viewer: Viewer | null = null,
): Promise<GraphQLResponse<T>> {
  const { name, url } = subgraph;
  const body = JSON.stringify({ query, variables });
  const timestamp = Date.now();
  const viewerHeader = viewer ? encodeViewer(viewer) : '';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [HUB_TIMESTAMP_HEADER]: String(timestamp),
    [HUB_SIGNATURE_HEADER]: signHubRequest(secret, name, timestamp, 'POST', new URL(url).pathname, viewerHeader, body),
  };
  if (viewerHeader) headers[HUB_VIEWER_HEADER] = viewerHeader;
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** Posts without any signature, as an attacker reaching a subgraph directly would. */
export async function unsignedPost(url: string, query: string): Promise<GraphQLResponse> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as GraphQLResponse['body'] };
}
