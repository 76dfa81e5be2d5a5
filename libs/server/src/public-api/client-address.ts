import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';

/**
 * Who is asking, for the per-client rate limit: the socket's remote address. The one place that
 * decides it, so that behind a trusted proxy (TRUST_PROXY, being added) it can read the
 * forwarded address instead. "unknown" when the request came through no socket (app.request).
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
