import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ProblemError } from './problem';

/** The ETag of a record is its version, so a write can say which version it changes. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/**
 * The version a write expects, from If-Match: missing → 428, unreadable → 400.
 * Comparing it with the stored version (412 when stale) happens in the same transaction as the write.
 */
export function expectedVersion(c: Context): number {
  const header = c.req.header('If-Match');
  if (!header) {
    throw new ProblemError(428, 'Send If-Match with the ETag of the version you read');
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match?.[1]) {
    throw new ProblemError(400, 'If-Match must be an ETag such as "3"', [
      { path: 'If-Match', code: 'invalid_format', message: 'If-Match must be an ETag such as "3"' },
    ]);
  }
  return Number(match[1]);
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
