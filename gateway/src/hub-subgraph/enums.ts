import { registerEnumType } from 'type-graphql';
import { DataCategory, Role, Source } from '../../../common/src/domain.js';

// The public contract's enums, owned by the hub's own subgraph.
registerEnumType(Role, { name: 'Role' });
registerEnumType(DataCategory, { name: 'DataCategory' });
registerEnumType(Source, { name: 'Source' });

export { DataCategory, Role, Source };
