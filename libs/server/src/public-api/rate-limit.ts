import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../http/app-env';
import { ProblemError } from '../http/problem';
import type { Executor } from '../persistence/executor';
import { clientAddress } from '../http/client-address';

/**
 * Counts requests per client in fixed windows, in the database (rate_limit_window), so that every
 * API instance behind a load balancer counts the same client alike: one upsert a request, atomic,
 * on the database's clock. The client is its address as login throttling reads it (behind a
 * TRUST_PROXY proxy, from X-Forwarded-For). `window` is the start of the window counted in (epoch seconds).
 * `at`: the time counted at (a test's clock); null, the database's.
 */
export async function countRequest(db: Executor, key: string, limit: number, windowSeconds: number, at: Date | null = null): Promise<{ allowed: boolean; remaining: number; resetSeconds: number; window: number }> {
  const now = clockOf(at);
  const { rows } = await sql<{ count: number; reset_seconds: number | string; window: number | string }>`
    insert into rate_limit_window (bucket, window_start, count)
    values (${key}, to_timestamp(floor(extract(epoch from ${now}) / ${windowSeconds}::int) * ${windowSeconds}::int), 1)
    on conflict (bucket, window_start) do update set count = rate_limit_window.count + 1
    returning count, extract(epoch from (window_start + make_interval(secs => ${windowSeconds}::int) - ${now})) as reset_seconds,
      extract(epoch from window_start) as window`.execute(db);
  const row = rows[0];
  if (!row) throw new Error('rate limit: no row counted');
  return { allowed: row.count <= limit, remaining: Math.max(0, limit - row.count), resetSeconds: Math.max(1, Math.ceil(Number(row.reset_seconds))), window: Number(row.window) };
}

/** Deletes the windows older than an hour (before `at`; null: the database's clock). */
export async function sweepOldWindows(db: Executor, at: Date | null = null): Promise<void> {
  await db.deleteFrom('rate_limit_window').where('window_start', '<', sql<Date>`${clockOf(at)} - interval '1 hour'`).execute();
}

/** The time as SQL: the one given, or the database's own (every instance counts by the same clock). */
const clockOf = (at: Date | null) => (at ? sql`${at.toISOString()}::timestamptz` : sql`now()`);

/**
 * 429 with Retry-After once a client has made `limit` requests in the window (counted across
 * instances). Each instance sweeps out the old windows once as a window starts: sweeping at every
 * client's first request of a window was a second statement for most requests of the open data
 * API, whose clients are many. `now`: the clock to count by (a test's); default, the database's.
 */
export function rateLimit(limit: number, windowMs: number, now: () => Date | null = () => null): MiddlewareHandler<AppEnv> {
  const windowSeconds = Math.round(windowMs / 1000);
  // The window each database was last swept in (the router is shared by every app in a process).
  const sweptIn = new WeakMap<Executor, number>();
  return async (c, next) => {
    const { db, trustedProxies } = c.get('deps');
    const at = now();
    const { allowed, remaining, resetSeconds, window } = await countRequest(db, `public-api:${clientAddress(c, trustedProxies)}`, limit, windowSeconds, at);
    if (sweptIn.get(db) !== window) {
      sweptIn.set(db, window);
      await sweepOldWindows(db, at);
    }
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(remaining));
    c.header('RateLimit-Reset', String(resetSeconds));
    if (!allowed) {
      throw new ProblemError(429, `Too many requests from this client: at most ${limit} in ${windowSeconds} s. Try again in ${resetSeconds} s.`, undefined, {
        retryAfter: resetSeconds,
      });
    }
    await next();
  };
}
