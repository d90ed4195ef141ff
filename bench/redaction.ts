import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { type OperationDefinitionNode, parse } from 'graphql';
import { DataCategory, Role } from '../common/src/domain.js';
import type { ChildFacts } from '../gateway/src/policy/decide.js';
import { CHILD_ID_ALIAS } from '../gateway/src/policy/helper-fields.js';
import { labelsFromSupergraph } from '../gateway/src/policy/labels.js';
import { type FieldPlans, walkForRedaction } from '../gateway/src/policy/redact-result.js';
import { intArg, parseArgs } from './lib/args.js';
import { ROOT } from './lib/postgres.js';

/** A result as @apollo/gateway's result shaping builds it: objects without a prototype. */
function asPlannerOutput(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asPlannerOutput);
  if (typeof value !== 'object' || value === null) return value;
  const output = Object.create(null) as Record<string, unknown>;
  for (const [key, item] of Object.entries(value)) output[key] = asPlannerOutput(item);
  return output;
}

/** The children a result names (their helper ids), wherever they are. */
function childrenIn(value: unknown, found = new Set<unknown>()): Set<unknown> {
  if (Array.isArray(value)) for (const item of value) childrenIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key === CHILD_ID_ALIAS) found.add(item);
      else childrenIn(item, found);
    }
  }
  return found;
}

/**
 * `tsx bench/redaction.ts [--rounds R] [--calls N]`: the hub's own pass over a result (the
 * walk, then the decisions), in process, on the shapes of three bench operations: the
 * nurse's 150-child `myChildren { protectionStatus … }`, the authorization-heavy 100
 * children × 5 labelled fields, half of the children with a consent, and the CRIP's inbox,
 * whose concern fields are decided for the children each concern names. Prints µs per
 * call, median and range over the rounds. End-to-end figures are too noisy on this machine to show a change
 * of this size; this isolates it.
 */
function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const rounds = intArg(args, 'rounds', 7, 1, 100);
  const calls = intArg(args, 'calls', 2_000, 1, 1_000_000);
  const sdl = readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8');
  const schema = Supergraph.build(sdl).apiSchema().toGraphQLJSSchema();
  const labels = labelsFromSupergraph(sdl);
  const operationOf = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;
  const ids = Array.from({ length: 150 }, (_, index) => `child-bench-${String(index).padStart(6, '0')}`);
  const consented = new Set([DataCategory.CHILDCARE, DataCategory.PROTECTION_DETAILS]);
  const none = new Set<DataCategory>();
  const facts = (childId: string): ChildFacts => ({ relationship: 'yes', consentedCategories: Number(childId.slice(-1)) % 2 ? consented : none });

  const cases: Array<{ name: string; role?: Role; operation: OperationDefinitionNode; data: () => Record<string, unknown> }> = [
    {
      name: 'nurse_protection (150 children)',
      operation: operationOf('query NurseProtection { myChildren { id protectionStatus { level referent { name } } } }'),
      data: () => ({
        myChildren: ids.map((id, index) => ({
          [CHILD_ID_ALIAS]: id,
          id,
          protectionStatus: { level: index % 10 ? 'NONE' : 'JUDICIAL_MEASURE', referent: index % 10 ? null : { name: 'Référent fictif' } },
        })),
      }),
    },
    {
      name: 'authz (100 children × 5 labelled fields)',
      operation: operationOf('query AuthorizationHeavy { myChildren { id firstName pmiFollowUp { since } dossier { openedOn } cripEvaluations { id } childcare { startDate } } }'),
      data: () => ({
        myChildren: ids.slice(0, 100).map((id) => ({
          [CHILD_ID_ALIAS]: id,
          id,
          firstName: 'Prénom',
          pmiFollowUp: { since: '2026-01-05' },
          dossier: { openedOn: '2026-02-01' },
          cripEvaluations: [{ id: `${id}-e` }],
          childcare: [{ startDate: '2026-03-01' }],
        })),
      }),
    },
    {
      name: 'concerns_inbox (60 concerns, 1 or 2 children each)',
      role: Role.CRIP_EVALUATOR,
      operation: operationOf(`query Inbox { concernsInbox { id status category severity observedAt raisedAt feedbackDueBy description
        raisedBy { name institution } children { id firstName lastName } } }`),
      data: () => ({
        concernsInbox: Array.from({ length: 60 }, (_, index) => {
          const children = ids.slice(index, index + 1 + (index % 3 === 0 ? 1 : 0)).map((id) => ({ [CHILD_ID_ALIAS]: id, id, firstName: 'Prénom', lastName: 'Nom' }));
          // The client selects the children: the walk reads them there, no helper list.
          return {
            id: `concern-bench-${index}`,
            status: 'SUBMITTED',
            category: 'HYGIENE',
            severity: 'MEDIUM',
            observedAt: '2026-10-01',
            raisedAt: '2026-10-02T08:00:00.000Z',
            feedbackDueBy: '2027-01-02',
            description: 'Observation fictive.',
            raisedBy: { name: 'Coordinatrice fictive', institution: 'RPE-75-01' },
            children,
          };
        }),
      }),
    },
  ];

  for (const { name, operation, data, role = Role.PMI_NURSE } of cases) {
    const plans: FieldPlans = new WeakMap();
    // Fresh results, as the planner builds one per response; built before the clock starts.
    const results = Array.from({ length: Math.min(calls, 200) }, () => asPlannerOutput(data()) as Record<string, unknown>);
    // Measures nothing unless the walk finds every child of the result.
    const check = walkForRedaction({ schema, labels, role, operation, variables: {}, data: data(), plans }).apply(facts);
    const children = childrenIn(results[0]).size;
    if (check.childIds.length !== children) throw new Error(`${name}: the walk found ${check.childIds.length} of ${children} children`);
    const walk: number[] = [];
    const apply: number[] = [];
    for (let round = 0; round <= rounds; round += 1) {
      let walkNs = 0n;
      let applyNs = 0n;
      for (let call = 0; call < calls; call += 1) {
        const started = process.hrtime.bigint();
        const pending = walkForRedaction({ schema, labels, role, operation, variables: {}, data: results[call % results.length], plans });
        const walked = process.hrtime.bigint();
        pending.apply(facts);
        applyNs += process.hrtime.bigint() - walked;
        walkNs += walked - started;
      }
      // Round 0 warms the JIT up and is not counted.
      if (round === 0) continue;
      walk.push(Number(walkNs) / calls / 1_000);
      apply.push(Number(applyNs) / calls / 1_000);
    }
    const show = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${sorted[Math.floor(sorted.length / 2)].toFixed(0)} µs [${sorted[0].toFixed(0)}–${sorted[sorted.length - 1].toFixed(0)}]`;
    };
    process.stdout.write(`${name}: walk ${show(walk)}, decisions ${show(apply)} per response (${rounds} rounds × ${calls} calls; ${check.redactions.length} fields withheld)\n`);
  }
}

main();
