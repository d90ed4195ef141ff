import type { Role } from '../../../common/src/domain.js';

/** The authenticated agent, from the verified token's claims. */
export interface Agent {
  id: string;
  name: string;
  role: Role;
  institution: string;
}
