import { Directive, Field, ObjectType } from 'type-graphql';
import { AuditEntry } from './audit-entry.entity.js';

/** Relay-style page information. Shareable: other subgraphs may page the same way. */
@ObjectType('PageInfo')
@Directive('@shareable')
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

@ObjectType('AuditEdge')
export class AuditEdge {
  /** Opaque; pass it as `after` to continue after this entry. */
  @Field(() => String)
  cursor: string;

  @Field(() => AuditEntry)
  node: AuditEntry;
}

/** Audit entries, newest first. */
@ObjectType('AuditConnection')
export class AuditConnection {
  @Field(() => [AuditEdge])
  edges: AuditEdge[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}
