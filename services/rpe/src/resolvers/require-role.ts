import { GraphQLError } from 'graphql';
import type { Role, Viewer } from '../../../../common/src/domain.js';
import { requireViewer } from '../../../../common/src/subgraph/require-viewer.js';
import type { SubgraphContext } from '../../../../common/src/subgraph/subgraph-definition.js';

/**
 * The viewer, when its role may call the operation at all. The hub filters operations by
 * role too; this subgraph still refuses on its own, so a hub bug cannot open it.
 */
export function requireRole(context: SubgraphContext, roles: readonly Role[]): Viewer {
  const viewer = requireViewer(context);
  if (!roles.includes(viewer.role)) {
    throw new GraphQLError('This operation is not available to this role', { extensions: { code: 'FORBIDDEN' } });
  }
  return viewer;
}
