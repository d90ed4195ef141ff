/** Public contract (DESIGN.md): how far the child is under protection, most serious last. */
export enum ProtectionLevel {
  NONE = 'NONE',
  EVALUATION_IN_PROGRESS = 'EVALUATION_IN_PROGRESS',
  ADMINISTRATIVE_MEASURE = 'ADMINISTRATIVE_MEASURE',
  JUDICIAL_MEASURE = 'JUDICIAL_MEASURE',
}
