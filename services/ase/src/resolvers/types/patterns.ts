/** Ids and keys are short opaque tokens: no spaces, no markup. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

/** Institution code of a court, e.g. `TJ-PARIS`. */
export const COURT_PATTERN = /^TJ-[A-Z0-9-]+$/;
