/** Ids and idempotency keys: printable, URL-safe, never free text. */
export const ID_PATTERN = /^[A-Za-z0-9._:-]+$/;
