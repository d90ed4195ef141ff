/** "Current" rules shared by the resolvers and the timeline; pure. */

/** The open dossier, else the most recently opened one (dossiers come newest first). */
export function currentDossier<T extends { closedOn: string | null }>(dossiers: readonly T[]): T | null {
  return dossiers.find((dossier) => dossier.closedOn === null) ?? dossiers[0] ?? null;
}

/** The placement in force on `today` (no end, or ending today or later), the latest if several. */
export function currentPlacement<T extends { since: string; until: string | null }>(placements: readonly T[], today: string): T | null {
  const current = placements.filter((placement) => placement.since <= today && (placement.until === null || placement.until >= today));
  return current.reduce<T | null>((latest, placement) => (latest === null || placement.since > latest.since ? placement : latest), null);
}
