import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from './cost-limit.rule.js';

export interface RequestLimits {
  /** @default 12 */ maxDepth: number;
  /** @default 15 */ maxAliases: number;
  /** @default 3000 */ maxTokens: number;
  /** @default 30 */ maxDirectives: number;
  /**
   * @default 100000. Three nested lists at the default size already count 8,000 per field:
   * at 20,000 a CRIP's inbox with each child's other concerns, a relais's children with the
   * children their concerns name, or a référent's whole record of her children were refused.
   */ maxCost: number;
  /** @default 20 — assumed size of a list not bounded by `first`. */ defaultListSize: number;
}

/** Armor reports its refusal through our callback as a typed error, and does not throw its own. */
function typed(code: string, message: string): { onReject: GraphQLArmorRejectCallback[]; propagateOnRejection: false; exposeLimits: false } {
  return {
    onReject: [(context) => context?.reportError(new GraphQLError(message, { extensions: { code, limit: code } }))],
    propagateOnRejection: false,
    exposeLimits: false,
  };
}

/**
 * Limits applied before execution: depth, aliases and directives (graphql-armor) and an
 * estimated cost that counts list sizes (`first`), as validation rules. Apollo reports every
 * validation error as GRAPHQL_VALIDATION_FAILED, so each carries its own code in
 * `extensions.limit`, which the hub's formatError makes the code. Tokens are limited by the
 * parser itself (`parseOptions.maxTokens`, see server.ts). No refusal states the limit.
 */
export function requestLimitProtections(limits: RequestLimits): { plugins: ApolloServerPlugin[]; validationRules: ValidationRule[] } {
  const armor = new ApolloArmor({
    // Fields count, not the fragments a client organises them in (a spread counted as two levels).
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...typed('QUERY_TOO_DEEP', 'The query is too deep') },
    maxAliases: { n: limits.maxAliases, ...typed('TOO_MANY_ALIASES', 'The query has too many aliases') },
    maxDirectives: { n: limits.maxDirectives, ...typed('TOO_MANY_DIRECTIVES', 'The query has too many directives') },
    // Replaced by our own, which counts list sizes and answers with a typed code.
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    // Suggestions are already hidden by Apollo Server (hideSchemaDetailsFromClientErrors).
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return {
    plugins: protection.plugins as ApolloServerPlugin[],
    validationRules: [...(protection.validationRules as ValidationRule[]), costLimitRule({ maxCost: limits.maxCost, defaultListSize: limits.defaultListSize, maxListSize: 200, maxFragmentSpreads: 200 })],
  };
}
