import { departementOf, Role, type Viewer } from '../../../../common/src/domain.js';

/**
 * True when the viewer is the coordinator of another relais than the one that raised the
 * concern. A relais follows what became of its own reports (DESIGN.md) and nothing else: not
 * another relais's concern, its description, its reporter or the CRIP's answer to it.
 */
export function isAnotherRelaisReport(viewer: Viewer | null | undefined, concern: { raisedByInstitution: string }): boolean {
  return viewer?.role === Role.RPE_COORDINATOR && viewer.institution !== concern.raisedByInstitution;
}

/**
 * Whether the viewer may be told who raised the concern (REPORTER_IDENTITY). DESIGN.md gives
 * the reporter to "the CRIP, the ASE head and the reporter's own relais": the CRIP the concern
 * was sent to and the head of that same ASE, not those of another département who relate to
 * the child through a concern of their own. The hub has already decided by role and care
 * relationship; this narrows to the concern's own département. A call without a viewer (the
 * hub's own) is not narrowed.
 */
export function mayKnowReporter(viewer: Viewer | null | undefined, concern: { raisedByInstitution: string; departement: string }): boolean {
  if (!viewer) return true;
  if (viewer.role === Role.RPE_COORDINATOR) return viewer.institution === concern.raisedByInstitution;
  return departementOf(viewer.institution) === concern.departement;
}
