import { createHash } from 'node:crypto';
import { type DocumentNode, parse, print } from 'graphql';

/** An operation's identity in the allow-list: SHA-256 of its normalised (printed) document. */
export function documentId(document: DocumentNode): string {
  return createHash('sha256').update(print(document)).digest('hex');
}

export function trustedOperationId(source: string): string {
  return documentId(parse(source));
}
