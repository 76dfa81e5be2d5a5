import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';
import { createReadsUnderWay } from '../http/reads-under-way';

// The open data API and the student finder's pages tell every cache it may keep an answer a
// minute (Cache-Control max-age=60), and they are costly to build at national scale (all
// libraries with their services and hours: milliseconds of CPU, then gzip). So the server keeps
// its own answers as long as any cache in front may: a request for the same address and encoding
// within that time is answered from memory, 304 when its If-None-Match names the kept ETag. The
// data is public, the same for everyone, so no answer can show anyone what they may not see; the
// address is the whole key, so a route below this must answer from nothing else (the finder's
// language is its `lang` parameter). A change made through this process forgets every kept answer
// (as http/read-reuse.ts does), so nobody sees the old data after their own write; a change made
// elsewhere (another instance, SQL) shows within the time at most. While one request builds an
// answer, others for the same key wait for it rather than each building it again (at hundreds of
// requests a second, an expired answer was otherwise rebuilt by every request in between); if the
// answer it replaces ran out less than the time ago, they are given that one instead of waiting,
// so only the builder waits (all libraries at national scale: 16 ms of the server's CPU to build,
// more under load, while at 300 req/s every request meanwhile waited for it).

/**
 * A 200 answer as it was sent: its headers (but the request's id) and its bytes, as a Uint8Array:
 * the Node server writes those straight to the socket, but streams an ArrayBuffer through a
 * ReadableStream (twice the CPU for the 300 KB of all libraries).
 */
interface KeptAnswer {
  until: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
}

/** How many different answers are kept at most (the oldest goes first). */
const MAX_KEPT = 200;

/** What is kept: the JSON and HTML that the routes build, not images or PDFs (large, and cheap or rare). */
const KEPT_TYPE = /^(application\/json|text\/html)\b/;

/** The app's kept answers (config.publicAnswerSeconds), one per app. */
export interface AnswerReuse {
  readonly seconds: number;
  /** The answer kept for `key`, while it is fresh. */
  answerFor(key: string): KeptAnswer | undefined;
  /** The answer for `key` that ran out less than `seconds` ago: for requests while its successor is built. */
  lastAnswerFor(key: string): KeptAnswer | undefined;
  /** Keeps an answer whose building began at `generation` (begin()), unless a change came since. */
  keep(key: string, generation: number, answer: Omit<KeptAnswer, 'until'>): void;
  /** Marks the start of building an answer: what keep() is handed. */
  begin(): number;
  /** Runs `build` as the answer under way for `key`: whoever asks `underWay(key)` meanwhile waits for it. */
  building(key: string, build: () => Promise<void>): Promise<void>;
  /** The end of the answer under way for `key` (resolves however it ends), or undefined when none is. */
  underWay(key: string): Promise<void> | undefined;
  /** A change went through: every kept answer may be out of date. */
  forget(): void;
}

export function createAnswerReuse(seconds: number, now: () => number = Date.now): AnswerReuse {
  const kept = new Map<string, KeptAnswer>();
  // Bumped by forget(): an answer built from what was read before a change must not be kept.
  let generation = 0;
  // The answers being built; forget() drops them, so nobody waits for one begun before a change.
  const built = createReadsUnderWay();
  return {
    seconds,
    answerFor(key) {
      const answer = kept.get(key);
      if (!answer) return undefined;
      const left = answer.until - now();
      // A clock set back makes the answer stale, never kept longer.
      if (left > 0 && left <= seconds * 1000) return answer;
      // Kept a while longer for lastAnswerFor.
      if (left <= 0 && left > -seconds * 1000) return undefined;
      kept.delete(key);
      return undefined;
    },
    lastAnswerFor(key) {
      const answer = kept.get(key);
      const left = answer ? answer.until - now() : Number.NaN;
      return answer && left > -seconds * 1000 && left <= seconds * 1000 ? answer : undefined;
    },
    keep(key, startedIn, answer) {
      if (seconds <= 0 || startedIn !== generation) return;
      kept.delete(key);
      if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
      kept.set(key, { ...answer, until: now() + seconds * 1000 });
    },
    begin: () => generation,
    // Every request that gets this far builds (a waiter whose answer was not kept builds its own).
    building: (key, build) => (seconds <= 0 ? build() : built.run(key, build)),
    underWay: (key) => built.get<void>(key)?.then(
      () => undefined,
      () => undefined,
    ),
    forget() {
      generation++;
      built.clear();
      kept.clear();
    },
  };
}

/** The encoding compress() answers with, which the kept bytes are in: gzip, else deflate, else none. */
function encodingOf(acceptEncoding: string | undefined): string {
  if (acceptEncoding?.includes('gzip')) return 'gzip';
  return acceptEncoding?.includes('deflate') ? 'deflate' : '';
}

/**
 * Keeps the 200 JSON and HTML answers of the routes below it for the app's `publicAnswerSeconds`
 * (unset or 0: none, every request is answered afresh): never one that sets a cookie or that no
 * shared cache may keep (private, no-store). Place it outside compression and the ETag, so what
 * is kept is what was sent.
 */
export function reuseAnswers(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const reuse = c.get('deps').answerReuse;
    if (reuse.seconds <= 0 || (c.req.method !== 'GET' && c.req.method !== 'HEAD')) return next();
    const key = `${c.req.url}\n${encodingOf(c.req.header('Accept-Encoding'))}`;
    const answered = (answer: KeptAnswer) => {
      // Through the context, so the headers set for this request (its X-Request-Id) are sent too.
      const etag = answer.headers.find(([name]) => name === 'etag')?.[1];
      if (etag && c.req.header('If-None-Match')?.split(/\s*,\s*/).includes(etag)) return c.body(null, 304, { ETag: etag });
      const headers = Object.fromEntries(answer.headers);
      return c.req.method === 'HEAD' ? c.body(null, 200, headers) : c.body(answer.body, 200, headers);
    };
    const answer = reuse.answerFor(key);
    if (answer) return answered(answer);
    const underWay = reuse.underWay(key);
    if (underWay) {
      // Another request builds its successor: the answer that just ran out serves meanwhile.
      const last = reuse.lastAnswerFor(key);
      if (last) return answered(last);
      await underWay;
      const built = reuse.answerFor(key);
      // Built and kept while this request waited; else (not a keepable answer) it builds its own.
      if (built) return answered(built);
    }
    const generation = reuse.begin();
    await reuse.building(key, async () => {
      await next();
      const { res } = c;
      if (res.status !== 200 || !KEPT_TYPE.test(res.headers.get('Content-Type') ?? '') || res.headers.has('Set-Cookie')) return;
      if (/\b(private|no-store|no-cache)\b/.test(res.headers.get('Cache-Control') ?? '')) return;
      const body = new Uint8Array(await res.clone().arrayBuffer());
      reuse.keep(key, generation, { headers: [...res.headers.entries()].filter(([name]) => name !== 'x-request-id'), body });
    });
  };
}
