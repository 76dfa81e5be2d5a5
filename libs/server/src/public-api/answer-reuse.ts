import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';

// The open data API tells every cache it may keep an answer a minute (Cache-Control max-age=60),
// and its lists are costly to build at national scale (all libraries with their services and
// hours: tens of milliseconds of CPU, then gzip). So the server keeps its own answers as long as
// any cache in front may: a request for the same address and encoding within that time is
// answered from memory, 304 when its If-None-Match names the kept ETag. The data is public, the
// same for everyone, so no answer can show anyone what they may not see.

interface KeptAnswer {
  until: number;
  status: number;
  headers: [string, string][];
  body: ArrayBuffer;
}

/** How many different answers are kept at most (the oldest goes first). */
const MAX_KEPT = 200;

/**
 * Keeps the 200 JSON answers of the routes below it for the app's `publicAnswerSeconds` (unset
 * or 0: none, every request is answered afresh), each app its own. Place it outside compression
 * and the ETag, so what is kept is what was sent.
 */
export function reuseAnswers(now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const keptByApp = new WeakMap<object, Map<string, KeptAnswer>>();
  return async (c, next) => {
    const { config } = c.var.deps;
    const seconds = config.publicAnswerSeconds ?? 0;
    if (seconds <= 0 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    let kept = keptByApp.get(config);
    if (!kept) keptByApp.set(config, (kept = new Map()));
    const key = `${c.req.url}\n${c.req.header('Accept-Encoding')?.includes('gzip') ? 'gzip' : ''}`;
    const answer = kept.get(key);
    if (answer && answer.until > now()) {
      const headers = new Headers(answer.headers);
      const etag = headers.get('ETag');
      if (etag && c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(etag)) {
        return new Response(null, { status: 304, headers: { ETag: etag } });
      }
      return new Response(c.req.method === 'HEAD' ? null : answer.body, { status: answer.status, headers });
    }
    if (answer) kept.delete(key);
    await next();
    if (c.res.status !== 200 || !c.res.headers.get('Content-Type')?.startsWith('application/json')) return;
    const body = await c.res.clone().arrayBuffer();
    if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
    kept.set(key, { until: now() + seconds * 1000, status: 200, headers: [...c.res.headers.entries()], body });
  };
}
