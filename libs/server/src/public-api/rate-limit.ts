import type { MiddlewareHandler } from 'hono';
import { ProblemError } from '../http/problem';
import { clientAddress } from './client-address';

/**
 * Counts requests per client in fixed windows. In this process's memory: enough for one API
 * instance; several instances behind a load balancer each count their own share (the login's
 * limit lives in the database; the open data may move there too when it runs on more than one).
 */
export function fixedWindowCounter(limit: number, windowMs: number, clock: () => number = Date.now) {
  const windows = new Map<string, { start: number; count: number }>();
  return (key: string): { allowed: boolean; remaining: number; resetMs: number } => {
    const now = clock();
    let window = windows.get(key);
    if (!window || now - window.start >= windowMs) {
      // Forget the clients whose window ended, so the map stays as small as the traffic.
      if (windows.size > 10_000) for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
      window = { start: now, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    return { allowed: window.count <= limit, remaining: Math.max(0, limit - window.count), resetMs: window.start + windowMs - now };
  };
}

/** 429 with Retry-After once a client has made `limit` requests in the window. */
export function rateLimit(limit: number, windowMs: number): MiddlewareHandler {
  const count = fixedWindowCounter(limit, windowMs);
  return async (c, next) => {
    const { allowed, remaining, resetMs } = count(clientAddress(c));
    const resetSeconds = String(Math.ceil(resetMs / 1000));
    c.header('RateLimit-Limit', String(limit));
    c.header('RateLimit-Remaining', String(remaining));
    c.header('RateLimit-Reset', resetSeconds);
    if (!allowed) {
      throw new ProblemError(429, `Too many requests from this client: at most ${limit} in ${windowMs / 1000} s. Try again in ${resetSeconds} s.`, undefined, {
        retryAfter: Number(resetSeconds),
      });
    }
    await next();
  };
}
