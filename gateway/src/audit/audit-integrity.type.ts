import { Field, ID, Int, ObjectType } from 'type-graphql';

/** The result of verifying the whole audit chain. */
@ObjectType('AuditIntegrity')
export class AuditIntegrity {
  @Field(() => Boolean)
  ok: boolean;

  /** Entries examined: all when ok, up to and including the first broken one otherwise. */
  @Field(() => Int)
  checkedEntries: number;

  /** The first entry that does not match its content or its predecessor. */
  @Field(() => ID, { nullable: true })
  firstBrokenEntryId: string | null;
}
