import { BREAK, type DocumentNode, visit } from 'graphql';

/**
 * PostgreSQL text cannot hold U+0000: such a string would fail deep inside an institution's
 * database (or the audit log) and look like an outage. Nor can UTF-8 hold a lone UTF-16
 * surrogate: it would be stored silently changed to U+FFFD, and the same write sent again
 * would then differ from what was stored and be refused as a reused idempotency key. Both
 * are refused at the door instead, as the client's error.
 */
const NUL = '\u0000';
/** A surrogate that is not half of a pair (with the `u` flag a pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;
const unstorable = (text: string): boolean => text.includes(NUL) || LONE_SURROGATE.test(text);

/** Iterative (a client may nest JSON 100,000 deep): the path of the first unstorable string. */
function nulPathIn(root: unknown, rootPath: string): string | null {
  const pending: Array<[unknown, string]> = [[root, rootPath]];
  while (pending.length > 0) {
    const [value, path] = pending.pop() as [unknown, string];
    if (typeof value === 'string') {
      if (unstorable(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`]));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        if (unstorable(key)) return path;
        pending.push([item, `${path}.${key}`]);
      }
    }
  }
  return null;
}

/** Where a variable's value carries a NUL or a lone surrogate (`input.notes`), else null. */
export function findUnstorableVariable(variables: Record<string, unknown>): string | null {
  for (const [name, value] of Object.entries(variables)) {
    const found = nulPathIn(value, name);
    if (found) return found;
  }
  return null;
}

/** The argument whose literal in the document carries a NUL or a lone surrogate, else null. */
export function findUnstorableLiteral(document: DocumentNode): string | null {
  let argument = 'query';
  let found: string | null = null;
  visit(document, {
    Argument: { enter: (node) => void (argument = node.name.value) },
    StringValue: (node) => {
      if (!unstorable(node.value)) return undefined;
      found = argument;
      return BREAK;
    },
  });
  return found;
}
