import type { GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { type DocumentNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import { getVariableValues } from 'graphql/execution/values.js';
import { DataCategory, type Role } from '../../../common/src/domain.js';
import type { Logger } from '../../../common/src/log.js';
import type { HubContext } from '../context.js';
import type { ChildRelationship } from '../facts/care-relationships.loader.js';
import { isChildId } from '../../../common/src/domain.js';
import { forbidden, hubError, redactionErrors, withHttpStatus } from '../errors.js';
import type { ChildFacts } from '../policy/decide.js';
import { HELPER_PREFIX, SUBJECTS_ALIAS } from '../policy/helper-fields.js';
import type { LabelMap } from '../policy/labels.js';
import { mayCall } from '../policy/operation-roles.js';
import { type FieldPlans, nothingToDecide, type RedactionOutcome, selectionsUseVariables, walkForRedaction } from '../policy/redact-result.js';
import { rewriteOperation, type RewrittenOperation } from '../policy/rewrite-operation.js';
import { forbiddenCategories, notifiesReferent, ruleFor } from '../policy/rules.js';
import type { ReferentNotification } from '../notifications/notify-referents.js';
import type { AuditRecord, ReleaseSink } from './audit-sink.js';
import { BoundedCache } from './bounded-cache.js';
import { checkWriteGuards } from './check-write-guards.js';
import { asId, ENDS_RELATIONSHIP } from '../policy/write-guards.js';
import { roleOperationHash } from './operation-hash.js';
import { variablesRequiredNonNull } from './required-variables.js';
import { rootFields, usesReservedAlias } from './root-fields.js';
import { normaliseSubgraphError } from './subgraph-errors.js';
import { findUnstorableLiteral, findUnstorableVariable } from './unstorable-input.js';

type Errors = Array<GraphQLError | GraphQLFormattedError>;

const NO_CONSENT: ReadonlySet<DataCategory> = new Set();
/** The longest operation name the hub records (DESIGN.md's `AuditEntry.operationName`). */
export const MAX_OPERATION_NAME_LENGTH = 100;
export const AUDIT_UNAVAILABLE_AFTER_WRITE =
  'The write may have been made, but its result could not be recorded, so it is not shown: send the same request again (same idempotencyKey, where it has one) to get it';
/** The HTTP status of a write refused by its guard, where it is not 200 (NOT_FOUND). */
const GUARD_STATUS: Readonly<Record<string, number>> = { SOURCE_UNAVAILABLE: 503, BAD_USER_INPUT: 400 };

/** The ids asked for by `child(id:)` root fields, with the response key of each. */
function askedChildren(roots: PreparedOperation['rootFields'], variables: Record<string, unknown>): Array<{ key: string; id: string }> {
  const asked: Array<{ key: string; id: string }> = [];
  for (const { name, responseKey, node } of roots) {
    if (name !== 'child') continue;
    const argument = node.arguments?.find((arg) => arg.name.value === 'id');
    const id = argument ? asId(valueFromASTUntyped(argument.value, variables)) : undefined;
    if (id !== undefined) asked.push({ key: responseKey, id });
  }
  return asked;
}

/** A `child(id:)` root field that came back null, and why: no such child for this viewer, or a fact that could not be read. */
interface Unanswered { id: string; reason: 'NOT_FOUND' | 'SOURCE_UNAVAILABLE' }

function unansweredChildren(asked: ReadonlyArray<{ key: string; id: string }>, data: Record<string, unknown> | null | undefined, errors: Readonly<Errors> | undefined): Unanswered[] {
  return asked
    .filter(({ key }) => data?.[key] === null)
    .map(({ key, id }) => {
      const code = errors?.find((error) => error.path?.[0] === key)?.extensions?.code;
      return { id, reason: code === undefined || code === 'NOT_FOUND' ? 'NOT_FOUND' : 'SOURCE_UNAVAILABLE' };
    });
}

/**
 * The unanswered ids the audit may store: those of registered children. Any other id is
 * text a client typed (a name, a phone number): counted, never written to a log that
 * cannot be corrected. The directory was asked about these ids already (this is its cache).
 */
async function registeredIds(context: HubContext, unanswered: readonly Unanswered[]): Promise<string[]> {
  const candidates = unanswered.map(({ id }) => id).filter(isChildId);
  if (candidates.length === 0) return [];
  const found = await context.loaders.childById.loadMany(candidates);
  return candidates.filter((_, index) => found[index] !== null && !(found[index] instanceof Error));
}

function auditRecord(context: HubContext, operationName: string | null, operationHash: string, outcome: RedactionOutcome, unanswered: readonly Unanswered[], askedIds: readonly string[]): AuditRecord {
  // One count per (category, reason), in the order first met.
  const withheld = new Map<string, { category: DataCategory; reason: string; count: number }>();
  const tally = (category: DataCategory, reason: string, count: number) => {
    const key = `${category}/${reason}`;
    const current = withheld.get(key) ?? { category, reason, count: 0 };
    current.count += count;
    withheld.set(key, current);
  };
  for (const redaction of outcome.redactions) tally(redaction.category, redaction.code, 1);
  for (const entry of context.disclosures.withheld) tally(entry.category, entry.reason, entry.count);
  for (const { reason } of unanswered) tally(DataCategory.IDENTITY, reason, 1);
  const disclosed = [...context.disclosures.released, ...context.disclosures.withheld];
  return {
    agentId: context.agent.id,
    role: context.agent.role,
    institution: context.agent.institution,
    operationName,
    operationHash,
    childIds: [...new Set([...outcome.childIds, ...askedIds, ...disclosed.map((entry) => entry.childId)])].sort(),
    released: [...new Set([...outcome.releases, ...context.disclosures.released].map((release) => release.category))].sort(),
    withheld: [...withheld.values()],
  };
}

/**
 * The children of the records that writes ending the writer's own relationship
 * (ENDS_RELATIONSHIP) answered with, when the mutation holds nothing else. The institution
 * answers such a write (and its identical retry) only with the writer's own record (her
 * follow-up, her relais's arrangement): that answer vouches for the record's child, for this
 * response only. Read from before the write, the relationships would refuse the retry of a
 * write already made (the relationship it ended is gone), and the writer could not tell it
 * was made. Another root field beside it is decided on the relationships alone. What it
 * opens is the record itself: neither answer type leads to a Child (write-guards.test.ts
 * fails if one ever does, since the child's whole file would then be vouched for).
 */
function vouchedByOwnWrite(roots: PreparedOperation['rootFields'], operation: string, data: Record<string, unknown> | null | undefined): Set<string> {
  const vouched = new Set<string>();
  if (operation !== 'mutation' || !data) return vouched;
  const writes = roots.filter((field) => field.name !== '__typename');
  if (writes.length === 0 || !writes.every((field) => ENDS_RELATIONSHIP.has(field.name))) return vouched;
  for (const { responseKey } of writes) {
    const record = data[responseKey];
    const childId = typeof record === 'object' && record !== null ? (record as Record<string, unknown>)[SUBJECTS_ALIAS] : undefined;
    if (typeof childId === 'string') vouched.add(childId);
  }
  return vouched;
}

/** What depends only on the role and the operation: worked out once per (role, operation). */
interface PreparedOperation {
  rewritten: RewrittenOperation;
  /** Why the operation is refused whatever its variables: a root field, a reserved alias. */
  refusal: GraphQLError | null;
  unstorableLiteral: string | null;
  /** The operation holds a category that a consent opens to this role. */
  needsConsents: boolean;
  /** The redaction's field plans, kept across responses when no selection reads a variable. */
  plans: FieldPlans | undefined;
  /** The hash the planner caches the rewritten operation's plan under (`roleOperationHash`). */
  operationHash: string;
  /** Variables used where a value is required: an explicit null for one is refused. */
  requiredVariables: string[];
  /** The root fields of the rewritten operation, fragments included (`rootFields`). */
  rootFields: ReturnType<typeof rootFields>;
}

function prepareOperation(schema: GraphQLSchema, labels: LabelMap, role: Role, queryHash: string, document: DocumentNode, operation: OperationDefinitionNode): PreparedOperation {
  const rewritten = rewriteOperation({ schema, labels, forbidden: forbiddenCategories(role), document, operation });
  const roots = rootFields(rewritten.original);
  const denied = roots.find((field) => !mayCall(role, field.name));
  let refusal: GraphQLError | null = null;
  if (denied) refusal = withHttpStatus(forbidden(denied.name), 403);
  else if (usesReservedAlias(rewritten.original, HELPER_PREFIX)) {
    refusal = withHttpStatus(hubError('BAD_USER_INPUT', `Aliases starting with ${HELPER_PREFIX} are reserved`, { field: 'query' }), 400);
  }
  return {
    rewritten,
    refusal,
    unstorableLiteral: findUnstorableLiteral(document),
    needsConsents: [...rewritten.categories].some((category) => ruleFor(category, role) === 'C'),
    plans: selectionsUseVariables(rewritten.original) ? undefined : new WeakMap(),
    operationHash: roleOperationHash(role, queryHash),
    requiredVariables: variablesRequiredNonNull(schema, document, operation),
    rootFields: roots,
  };
}

/**
 * The looks to tell référents of: the releases the walk marked, and those made in resolvers
 * (the timeline) of a category that notifies for this role, once per child and category.
 */
function referentNotifications(context: HubContext, outcome: RedactionOutcome): ReferentNotification[] {
  const seen = new Set<string>();
  const notifications: ReferentNotification[] = [];
  const add = (childId: string, category: DataCategory) => {
    const key = `${childId}\n${category}`;
    if (seen.has(key)) return;
    seen.add(key);
    notifications.push({ viewer: context.agent, childId, category });
  };
  for (const release of outcome.releases) if (release.notifyReferent) add(release.childId, release.category);
  for (const release of context.disclosures.released) if (notifiesReferent(release.category, context.agent.role)) add(release.childId, release.category);
  return notifications;
}

/**
 * The disclosure policy around the planner. Before: refuse root fields the role may not
 * call, rewrite the operation for the role (forbidden categories removed, helper ids added)
 * under its own hash and a new document. After: load the facts for the children in the
 * result (relationships, consents: never cached across requests), redact, and record the
 * audit entry and référent notifications (group-committed with other responses) before
 * anything is released. If the audit write
 * fails, nothing is released.
 */
export function createPolicyExecutor(deps: { labels: LabelMap; releases: ReleaseSink; logger: Logger }) {
  const preparedOperations = new BoundedCache<string, PreparedOperation>(2_000);

  return (execute: GatewayExecutor): GatewayExecutor =>
    async (requestContext: GatewayGraphQLRequestContext) => {
      const context = requestContext.context as HubContext;
      const role = context.agent.role;
      const variables = requestContext.request.variables ?? {};
      // No operation to run (unknown name, several without a name): Apollo answers 400
      // OPERATION_RESOLUTION_FAILURE from this error. The name asked for is not echoed.
      if (!requestContext.operation) {
        return { errors: [new GraphQLError(requestContext.request.operationName ? 'Unknown operation name' : 'Must provide an operation name when the document has several operations')] };
      }
      if (requestContext.operation.operation === 'subscription') {
        return { errors: [withHttpStatus(new GraphQLError('The hub serves no subscriptions', { extensions: { code: 'BAD_REQUEST' } }), 400)] };
      }
      // The name is stored in the append-only audit log: a client may not write a page into it.
      if ((requestContext.operationName?.length ?? 0) > MAX_OPERATION_NAME_LENGTH) {
        return { errors: [withHttpStatus(hubError('BAD_USER_INPUT', `An operation name has at most ${MAX_OPERATION_NAME_LENGTH} characters`, { field: 'operationName' }), 400)] };
      }
      // Malformed variables are the client's error: refused here with 400, never forwarded.
      const coerced = getVariableValues(requestContext.schema, requestContext.operation.variableDefinitions ?? [], variables, { maxErrors: 5 });
      if (coerced.errors) {
        // The reason stays apart (originalError): the hub's formatError answers it without the value.
        return {
          errors: coerced.errors.map((error) =>
            withHttpStatus(new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } }), 400),
          ),
        };
      }
      // The values the operation runs with, defaults included (`$input: T = { childId: … }`):
      // every check below reads these, never the request's own variables, or a child named
      // in a default would pass the guards and the audit unseen.
      const values = coerced.coerced;
      const cacheKey = `${role}\n${requestContext.queryHash}\n${requestContext.operationName ?? ''}`;
      let prepared = preparedOperations.get(cacheKey);
      if (!prepared) {
        prepared = prepareOperation(requestContext.schema, deps.labels, role, requestContext.queryHash, requestContext.document, requestContext.operation);
        preparedOperations.set(cacheKey, prepared);
      }
      const unstorable = findUnstorableVariable(variables) ?? prepared.unstorableLiteral;
      if (unstorable) {
        return { errors: [withHttpStatus(hubError('BAD_USER_INPUT', 'Text must be valid Unicode, without NUL characters', { field: unstorable }), 400)] };
      }
      if (prepared.refusal) return { errors: [prepared.refusal] };
      const nulled = prepared.requiredVariables.find((name) => values[name] === null);
      if (nulled) {
        return { errors: [withHttpStatus(hubError('BAD_USER_INPUT', `Variable "$${nulled}" must not be null where it is used`, { field: nulled }), 400)] };
      }
      const rewritten = prepared.rewritten;

      let guardError: GraphQLError | null;
      try {
        guardError = rewritten.original.operation === 'mutation' ? await checkWriteGuards(prepared.rootFields, values, context) : null;
        // A write that can end the writer's relationship is decided on the relationships read
        // before it (ENDS_RELATIONSHIP): every later question is answered from this reading.
        if (!guardError && rewritten.original.operation === 'mutation' && prepared.rootFields.some((field) => ENDS_RELATIONSHIP.has(field.name))) {
          await context.relationships.all();
        }
      } catch (error) {
        deps.logger.error('facts.load_failed', { requestId: context.requestId, errorName: error instanceof Error ? error.name : 'unknown' });
        guardError = hubError('SOURCE_UNAVAILABLE', 'A fact needed to check this write could not be read', { source: 'HUB' });
      }
      if (guardError) {
        const status = GUARD_STATUS[String(guardError.extensions.code)];
        return { errors: [status ? withHttpStatus(guardError, status) : guardError] };
      }

      // The facts about children asked for by id, or reached by the plan, are read while the
      // plan runs, not after it.
      context.factPrefetch = { consents: prepared.needsConsents };
      const asked = askedChildren(prepared.rootFields, values);
      const askedIds = asked.map(({ id }) => id).filter(isChildId);
      if (askedIds.length > 0) {
        context.relationships.forChildren(askedIds).catch(() => undefined); // awaited (and failing closed) below
        void context.loaders.childById.loadMany(askedIds);
        if (prepared.needsConsents) void context.loaders.consents.loadMany(askedIds);
      }

      const operationHash = prepared.operationHash;
      const result = await execute({ ...requestContext, document: rewritten.document, operation: rewritten.operation, queryHash: operationHash });

      // One walk over the result builds the response and finds the children it names; the
      // decisions are applied once their facts are loaded. No walk when nothing in the
      // operation is about a child.
      const pending = rewritten.decidesNothing
        ? nothingToDecide(result.data)
        : walkForRedaction({ schema: requestContext.schema, labels: deps.labels, role, operation: rewritten.original, variables: values, data: result.data, plans: prepared.plans });
      const ids = pending.childIds;
      let relationships: Map<string, ChildRelationship>;
      let consentsById: Map<string, ReadonlySet<DataCategory>>;
      try {
        // Consents are read only when the operation holds a category they open to this role.
        const [loadedRelationships, consents] = await Promise.all([context.relationships.forChildren(ids), prepared.needsConsents ? context.loaders.consents.loadMany(ids) : []]);
        relationships = loadedRelationships;
        consentsById = new Map(
          consents.map((consented, index) => {
            const id = ids[index];
            if (consented instanceof Error) throw consented;
            return [id, consented];
          }),
        );
      } catch (error) {
        // The facts a decision needs could not be read: nothing about a child is released.
        deps.logger.error('facts.load_failed', { requestId: context.requestId, errorName: error instanceof Error ? error.name : 'unknown' });
        return { errors: [withHttpStatus(hubError('SOURCE_UNAVAILABLE', 'The facts needed to decide this release could not be read', { source: 'HUB' }), 503)] };
      }
      const vouched = vouchedByOwnWrite(prepared.rootFields, rewritten.original.operation, result.data);
      const facts = (childId: string): ChildFacts => {
        const relationship = vouched.has(childId) ? { kinds: ['write:OWN_RECORD'], unavailable: [] } : relationships.get(childId);
        const consented = consentsById.get(childId);
        return {
          relationship: relationship && relationship.kinds.length > 0 ? 'yes' : relationship && relationship.unavailable.length > 0 ? 'unknown' : 'no',
          consentedCategories: consented ?? NO_CONSENT,
        };
      };
      const outcome = pending.apply(facts);
      // A timeline held only inside a withheld field (a concern naming a child the viewer does
      // not know) released nothing: not audited, not notified, even when the same child's
      // timeline is carried elsewhere with other dates or parts (that read records its own).
      // An answer with no data (a non-null field failed and took the whole answer with it)
      // carries nothing the hub's resolvers disclosed: no consent, no timeline.
      if (outcome.data === null) {
        context.disclosures.released = [];
        context.disclosures.withheld = [];
      } else if (outcome.timelinesWithheld.size > 0) {
        const carried = (entry: { timeline?: string }) => entry.timeline === undefined || !outcome.timelinesWithheld.has(entry.timeline);
        context.disclosures.released = context.disclosures.released.filter(carried);
        context.disclosures.withheld = context.disclosures.withheld.filter(carried);
      }
      const unanswered = unansweredChildren(asked, outcome.data, result.errors);

      const disclosedInResolvers = context.disclosures.released.length + context.disclosures.withheld.length > 0;
      if (outcome.childIds.length > 0 || outcome.redactions.length > 0 || unanswered.length > 0 || disclosedInResolvers) {
        try {
          await deps.releases.record({
            audit: auditRecord(context, requestContext.operationName, operationHash, outcome, unanswered, await registeredIds(context, unanswered)),
            notifications: referentNotifications(context, outcome),
          });
        } catch (error) {
          deps.logger.error('audit.write_failed', { requestId: context.requestId, errorName: error instanceof Error ? error.name : 'unknown' });
          // A write has reached its institution by now: the client must not take this answer
          // for "nothing happened" and write again under a new key.
          const message = rewritten.original.operation === 'mutation' ? AUDIT_UNAVAILABLE_AFTER_WRITE : 'The release could not be recorded, so nothing is released';
          return { errors: [withHttpStatus(hubError('AUDIT_UNAVAILABLE', message), 503)] };
        }
      }
      // An error inside a withheld field would tell what the field held (a child of a withheld
      // concern that the viewer does not know): the field's own redaction error stands for it.
      const insideWithheld = (error: GraphQLError | GraphQLFormattedError) =>
        outcome.redactions.some(({ path }) => error.path !== undefined && error.path.length > path.length && path.every((key, index) => error.path?.[index] === key));
      const errors: Errors = [
        ...(result.errors ?? []).filter((error) => !insideWithheld(error)).map(normaliseSubgraphError),
        ...redactionErrors(outcome.redactions),
        ...context.notices,
      ];
      return errors.length > 0 ? { data: outcome.data, errors: errors as GraphQLError[] } : { data: outcome.data };
    };
}
