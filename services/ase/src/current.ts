/** "Current" rules shared by the resolvers and the timeline; pure. */

/** The open dossier, else the most recently opened one (dossiers come newest first). */
export function currentDossier<T extends { closedOn: string | null }>(dossiers: readonly T[]): T | null {
  return dossiers.find((dossier) => dossier.closedOn === null) ?? dossiers[0] ?? null;
}

/**
 * The placement in force on `today` (no end, or ending today or later), the latest if several.
 * A placement lives under its measure: once that measure has ended (`endDate` before today,
 * a mainlevée or its term), the child no longer lives there by the ASE's decision, whatever
 * the placement's own `until` says. A placement whose measure is not in `measures` is kept.
 */
export function currentPlacement<T extends { since: string; until: string | null; measureId?: string }>(
  placements: readonly T[],
  today: string,
  measures: ReadonlyArray<{ id: string; endDate: string | null }> = [],
): T | null {
  const ended = new Set(measures.filter((measure) => measure.endDate !== null && measure.endDate < today).map((measure) => measure.id));
  const current = placements.filter(
    (placement) =>
      placement.since <= today && (placement.until === null || placement.until >= today) && !(placement.measureId !== undefined && ended.has(placement.measureId)),
  );
  return current.reduce<T | null>((latest, placement) => (latest === null || placement.since > latest.since ? placement : latest), null);
}
