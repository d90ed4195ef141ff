/** Protection measures the ASE records (Code civil 375 ff., CASF L222-2 ff.). */
export enum MeasureKind {
  /** Aide éducative à domicile, agreed with the parents. */
  AED = 'AED',
  /** Accueil provisoire: administrative placement at the parents' request. */
  ACCUEIL_PROVISOIRE = 'ACCUEIL_PROVISOIRE',
  /** Assistance éducative en milieu ouvert, ordered by the juge des enfants. */
  AEMO = 'AEMO',
  PLACEMENT_JUDICIAIRE = 'PLACEMENT_JUDICIAIRE',
  TIERS_DIGNE_DE_CONFIANCE = 'TIERS_DIGNE_DE_CONFIANCE',
  /** Ordonnance de placement provisoire (emergency order). */
  OPP = 'OPP',
}

export enum LegalBasis {
  ADMINISTRATIVE = 'ADMINISTRATIVE',
  JUDICIAL = 'JUDICIAL',
}

const ADMINISTRATIVE_KINDS: ReadonlySet<MeasureKind> = new Set([MeasureKind.AED, MeasureKind.ACCUEIL_PROVISOIRE]);

/** Agreed with the family (administrative) or ordered by a court (judicial). */
export function legalBasisOf(kind: MeasureKind): LegalBasis {
  return ADMINISTRATIVE_KINDS.has(kind) ? LegalBasis.ADMINISTRATIVE : LegalBasis.JUDICIAL;
}

/** Measures under which a child lives away from home, hence may have a placement. */
export const PLACEMENT_MEASURE_KINDS: ReadonlySet<MeasureKind> = new Set([
  MeasureKind.PLACEMENT_JUDICIAIRE,
  MeasureKind.ACCUEIL_PROVISOIRE,
  MeasureKind.TIERS_DIGNE_DE_CONFIANCE,
  MeasureKind.OPP,
]);
