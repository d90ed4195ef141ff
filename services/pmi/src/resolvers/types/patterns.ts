/** Identifiers and idempotency keys: no spaces, no markup, nothing to escape in logs. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;

/** Free text must say something: whitespace alone is refused. */
export const NOT_BLANK = /\S/;
