import { Ctx, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context.js';
import { AgentType } from './agent.type.js';

@Resolver()
export class MeResolver {
  @Query(() => AgentType, { description: 'The authenticated agent' })
  me(@Ctx() context: HubContext): AgentType {
    return { ...context.agent };
  }
}
