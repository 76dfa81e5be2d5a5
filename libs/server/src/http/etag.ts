import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError } from './problem';
import type { ExpectedVersion } from '../persistence/versioned-change';

/** The ETag of a record is its version, so a write can say which version it changes. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

const IF_MATCH_FORMAT = 'If-Match must be "*" or a list of ETags such as "3"';

/** One entity-tag of a list (RFC 9110 8.8.3): optional W/, then a quoted opaque tag; then a comma or the end. */
const ENTITY_TAG = /\s*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"\s*(?:,|$)/y;

/**
 * The versions a write accepts, from If-Match as RFC 9110 13.1.1 evaluates it: missing → 428,
 * unreadable → 400; `*` → any version; a list → the versions its strong ETags name. Comparison is
 * strong: a weak ETag (`W/"3"`) never matches, nor does a tag this server does not make, so a
 * list of only those is a condition no version meets (412). Comparing with the stored version
 * happens in the same transaction as the write.
 */
export function expectedVersion(c: Context): ExpectedVersion {
  const header = c.req.header('If-Match');
  if (!header) {
    throw new ProblemError(428, 'Send If-Match with the ETag of the version you read');
  }
  const value = header.trim();
  if (value === '*') return '*';
  const versions: number[] = [];
  ENTITY_TAG.lastIndex = 0;
  while (ENTITY_TAG.lastIndex < value.length) {
    const match = ENTITY_TAG.exec(value);
    if (!match) throw new ProblemError(400, IF_MATCH_FORMAT, [{ path: 'If-Match', code: 'invalid_format', message: IF_MATCH_FORMAT }]);
    const [, weak, tag = ''] = match;
    if (!weak && /^\d{1,9}$/.test(tag)) versions.push(Number(tag));
  }
  return versions.length === 1 && versions[0] !== undefined ? versions[0] : versions;
}

/** Answers one versioned record with its version as ETag, for the client to send back as If-Match. */
// The return type is written out: inferred, it is too long for the declarations tsc -b emits.
export function versionedJson<T extends { version: number }, S extends ContentfulStatusCode>(
  c: Context,
  record: T,
  status: S,
): Response & TypedResponse<JSONParsed<T>, S, 'json'> {
  c.header('ETag', etagOf(record.version));
  return c.json(record, status);
}
