import type { DataSource } from 'typeorm';
import { FollowUp } from './entity/follow-up.entity.js';
import { HealthCheck } from './entity/health-check.entity.js';
import { HomeVisit } from './entity/home-visit.entity.js';
import { PmiAgent } from './entity/pmi-agent.entity.js';
import { Vaccination } from './entity/vaccination.entity.js';
import { SEED_AGENTS, SEED_CHECKS, SEED_FOLLOW_UPS, SEED_VACCINATIONS, SEED_VISITS } from './seed-data.js';

/** The demo scenario of DESIGN.md (fictional people). Upserts by stable id: re-runnable. */
export async function seedPmiDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(PmiAgent).upsert(SEED_AGENTS, ['id']);
    await manager.getRepository(FollowUp).upsert(SEED_FOLLOW_UPS, ['id']);
    await manager.getRepository(HomeVisit).upsert(SEED_VISITS, ['id']);
    await manager.getRepository(HealthCheck).upsert(SEED_CHECKS, ['id']);
    await manager.getRepository(Vaccination).upsert(SEED_VACCINATIONS, ['childId']);
  });
}
