import type { Child } from '../entity/child.type.js';

/** A child reference needs no lookup here: this subgraph only adds fields keyed by its id. */
export function resolveChildReference(reference: { id: string }): Child {
  return { id: reference.id };
}
