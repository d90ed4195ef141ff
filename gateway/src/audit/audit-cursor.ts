import { badUserInput } from '../../../common/src/errors.js';

const SEQ = /^[1-9][0-9]{0,18}$/;
/** The largest PostgreSQL bigint: a longer or larger seq is no entry's. */
const MAX_SEQ = 9_223_372_036_854_775_807n;

/** An opaque page cursor: base64url of the entry's seq. */
export function encodeCursor(seq: string): string {
  return Buffer.from(seq, 'utf8').toString('base64url');
}

/** The seq of a cursor made by {@link encodeCursor}; anything else is BAD_USER_INPUT on `field`. */
export function decodeCursor(cursor: string, field = 'after'): string {
  const seq = cursor.length <= 32 ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!SEQ.test(seq) || BigInt(seq) > MAX_SEQ || encodeCursor(seq) !== cursor) throw badUserInput(field, 'Invalid cursor');
  return seq;
}
