import { Role, type Viewer } from '../../../../common/src/domain.js';

/**
 * True when the viewer is the coordinator of another relais than the one that raised the
 * concern. A relais follows what became of its own reports (DESIGN.md) and nothing else: not
 * another relais's concern, its description, its reporter or the CRIP's answer to it.
 */
export function isAnotherRelaisReport(viewer: Viewer | null | undefined, concern: { raisedByInstitution: string }): boolean {
  return viewer?.role === Role.RPE_COORDINATOR && viewer.institution !== concern.raisedByInstitution;
}
