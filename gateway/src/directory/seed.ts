import type { DataSource } from 'typeorm';
import { ChildIdentity } from './child-identity.entity.js';

/** The demo children of DESIGN.md (fictional). Upserts by stable id: re-runnable. */
export const DEMO_CHILDREN = [
  { id: 'child-lea', firstName: 'Léa', lastName: 'Martin', birthDate: '2023-04-12' },
  { id: 'child-noah', firstName: 'Noah', lastName: 'Petit', birthDate: '2022-11-03' },
  { id: 'child-ines', firstName: 'Inès', lastName: 'Garcia', birthDate: '2021-06-20' },
  { id: 'child-sacha', firstName: 'Sacha', lastName: 'Lambert', birthDate: '2024-01-30' },
] as const;

export async function seedDirectory(dataSource: DataSource): Promise<void> {
  await dataSource
    .getRepository(ChildIdentity)
    .upsert(DEMO_CHILDREN.map((child) => ({ ...child, idempotencyKey: `seed-${child.id}` })), ['id']);
}
