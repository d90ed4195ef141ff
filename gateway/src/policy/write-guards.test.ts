import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { getNamedType, type GraphQLNamedType, isInterfaceType, isObjectType, isUnionType } from 'graphql';
import { ENDS_RELATIONSHIP } from './write-guards';

const supergraphSdl = readFileSync(path.join(__dirname, '../../../schema/supergraph.graphql'), 'utf8');
const schema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** Every named type reachable from `type` through fields. */
function reachable(type: GraphQLNamedType, seen = new Set<string>()): Set<string> {
  if (seen.has(type.name)) return seen;
  seen.add(type.name);
  if (isObjectType(type) || isInterfaceType(type)) for (const field of Object.values(type.getFields())) reachable(getNamedType(field.type), seen);
  if (isUnionType(type)) for (const member of type.getTypes()) reachable(member, seen);
  return seen;
}

describe('ENDS_RELATIONSHIP', () => {
  // The hub answers these writes (and their retries) on the record's child as vouched for by
  // the write itself (policy-executor.ts, vouchedByOwnWrite): that may open the record only,
  // never the child's file, so no answer type may lead to a Child.
  it.each([...ENDS_RELATIONSHIP])('%s is a mutation whose answer leads to no Child', (name) => {
    const field = schema.getMutationType()?.getFields()[name];
    expect(field).toBeDefined();
    expect([...reachable(getNamedType(field!.type))]).not.toContain('Child');
  });
});
