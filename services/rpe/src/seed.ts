import type { DataSource } from 'typeorm';
import { Role } from '../../../common/src/domain.js';
import { ChildcareArrangement } from './entity/childcare-arrangement.entity.js';
import { Childminder } from './entity/childminder.entity.js';
import { ConcernCategory, ConcernStatus, Severity } from './entity/concern.enums.js';
import { Concern } from './entity/concern.entity.js';
import { ConcernChild } from './entity/concern-child.entity.js';
import { Relais } from './entity/relais.entity.js';
import { RpeAgent } from './entity/rpe-agent.entity.js';

const RELAIS = 'RPE-75-11';
const SCHEDULE = 'lun.–ven. 8h30–17h30';

function arrangement(childId: string, startDate: string) {
  const id = `arrangement-${childId.replace(/^child-/, '')}`;
  return { id, childId, childminderId: 'childminder-sophie', startDate, endDate: null, schedule: SCHEDULE, idempotencyKey: `seed-${id}` };
}

/** The demo scenario of DESIGN.md (fictional people). Upserts by stable id: re-runnable. */
export async function seedRpeDemo(dataSource: DataSource): Promise<void> {
  await dataSource.transaction(async (manager) => {
    await manager.getRepository(Relais).upsert([{ id: RELAIS, name: 'Relais petite enfance Paris 11e' }], ['id']);
    await manager.getRepository(RpeAgent).upsert(
      [{ id: 'agent-rpe-amina', name: 'Amina Diallo', role: Role.RPE_COORDINATOR, institution: RELAIS, phone: '01 00 00 00 31', email: 'amina.diallo@rpe75.example' }],
      ['id'],
    );
    await manager.getRepository(Childminder).upsert(
      [{ id: 'childminder-sophie', name: 'Sophie Bernard', agrementNumber: 'AGR-75-2019-0412', capacity: 4, relaisId: RELAIS, agrementValidUntil: '2029-08-31', idempotencyKey: 'seed-childminder-sophie' }],
      ['id'],
    );
    await manager.getRepository(ChildcareArrangement).upsert(
      [arrangement('child-lea', '2024-09-02'), arrangement('child-noah', '2023-09-04'), arrangement('child-sacha', '2024-09-02')],
      ['id'],
    );
    await manager.getRepository(Concern).upsert(
      [
        {
          id: 'concern-sacha-1',
          idempotencyKey: 'seed-concern-sacha-1',
          childminderId: 'childminder-sophie',
          category: ConcernCategory.NEGLECT,
          severity: Severity.HIGH,
          observedAt: '2026-10-24',
          raisedAt: new Date('2026-10-27T09:30:00Z'),
          raisedById: 'agent-rpe-amina',
          raisedByInstitution: RELAIS,
          departement: '75',
          description: 'Enfant laissé seul dans la pièce de repos à plusieurs reprises, couches non changées (texte fictif).',
          status: ConcernStatus.UNDER_EVALUATION,
          acknowledgedAt: new Date('2026-10-28T10:00:00Z'),
          acknowledgedById: 'agent-crip-karim',
          evaluationStartedAt: new Date('2026-10-28T14:00:00Z'),
          evaluationStartedById: 'agent-crip-karim',
          closedAt: null,
          closedById: null,
          outcome: null,
          feedbackDueBy: '2027-01-27',
        },
      ],
      ['id'],
    );
    await manager.getRepository(ConcernChild).upsert([{ concernId: 'concern-sacha-1', childId: 'child-sacha' }], ['concernId', 'childId']);
  });
}
