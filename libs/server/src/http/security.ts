import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { ProblemError, invalidInput } from './problem';

/** CSP with no inline script; the same for the API, its docs page and the built apps. */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    xContentTypeOptions: 'nosniff',
    referrerPolicy: 'strict-origin-when-cross-origin',
    xFrameOptions: 'DENY',
    crossOriginResourcePolicy: 'same-origin',
    // A route may say otherwise: the open data and the finder's widget set Cross-Origin-Resource-Policy: cross-origin.
    overwrite: false,
  });

/**
 * CORS for apps deployed on origins of their own (ALLOWED_ORIGINS): a listed origin may call the
 * API with credentials (the session cookie, SameSite=Lax: the app must be on the same site, e.g.
 * fylke.example.no beside api.example.no) and read the ETag; a preflight (OPTIONS) is answered
 * for every API path, with no Access-Control-Allow-Origin for an origin not listed.
 */
export const crossOrigin = (allowedOrigins: readonly string[]): MiddlewareHandler => {
  const withCors = cors({
    origin: (origin) => (allowedOrigins.includes(origin) ? origin : null),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'If-Match', 'Accept-Language'],
    exposeHeaders: ['ETag', 'Location', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  });
  // A request without Origin is not a cross-origin one (a browser sends Origin on every CORS
  // request and preflight): no CORS headers to add, and hono's cors would build the response twice.
  return (c, next) => (c.req.method !== 'OPTIONS' && c.req.header('Origin') === undefined ? next() : withCors(c, next));
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a request may change something: any method but GET, HEAD and OPTIONS (the body, CSRF and forgetting reused reads go by this). */
export const mayChange = (method: string): boolean => !SAFE_METHODS.has(method);

/** Routes that take file uploads (multipart/form-data) instead of JSON. */
const UPLOAD_PATH = /^\/api\/(?:agreements\/[^/]+\/documents|photos|imports)$/;

/** Mutating requests carry JSON (or nothing); anything else is 415 before it reaches a route. */
export const requireJsonBody = (): MiddlewareHandler => async (c, next) => {
  if (mayChange(c.req.method) && !UPLOAD_PATH.test(c.req.path)) {
    const contentType = c.req.header('Content-Type');
    const length = c.req.header('Content-Length');
    const hasBody = contentType !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '')) {
      throw new ProblemError(415, 'Send the request body as application/json');
    }
  }
  await next();
};

/** The largest JSON body a route takes unless it says otherwise: 1 MiB. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/** The largest upload (an agreement's signed document: 20 MB and the multipart framing). */
export const MAX_UPLOAD_BODY_BYTES = 20 * 1024 * 1024 + 64 * 1024;

/**
 * 413 for a body over the route's limit, before it is read: by Content-Length when sent, else
 * while it streams in (hono's bodyLimit stops reading at the limit). Anonymous routes too.
 */
export const limitBody = (): MiddlewareHandler => {
  const limited = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: (c) => {
        // The rest of the body is never read: the connection cannot carry another request.
        c.header('Connection', 'close');
        throw new ProblemError(413, `The request body may be at most ${Math.floor(maxSize / 1024)} KiB`);
      },
    });
  const json = limited(MAX_JSON_BODY_BYTES);
  const upload = limited(MAX_UPLOAD_BODY_BYTES);
  // A GET carries no body to limit, and asking for one would build the full web Request
  // (@hono/node-server keeps a lightweight one until its body is read): a cost on every read.
  return (c, next) => (!mayChange(c.req.method) ? next() : (UPLOAD_PATH.test(c.req.path) ? upload : json)(c, next));
};

/**
 * API answers are about someone (who is logged in, contacts, users, the audit log) and never
 * belong in a shared or browser cache: `Cache-Control: no-store` unless a route set its own.
 */
export const noStore = (): MiddlewareHandler => async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
};

/** A surrogate that is not half of a pair (a `u` regular expression reads pairs as one code point). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * The path of the first text in `value` that is not well-formed UTF-16 (a lone surrogate, which
 * PostgreSQL cannot store and JSON lets through as `\ud800`); null when every text is sound.
 */
export function illFormedTextPath(value: unknown, path: readonly (string | number)[] = []): string | null {
  if (typeof value === 'string') return LONE_SURROGATE.test(value) ? path.join('.') || 'body' : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = illFormedTextPath(item, [...path, index]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = illFormedTextPath(key, [...path, key]) ?? illFormedTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Every stored text arrives in a JSON body: 400 naming the field when one holds a lone UTF-16
 * surrogate, before any route validates or stores it. (A body that is not JSON at all is left
 * to the route's validation, which answers 400 malformed_json.)
 */
export const requireWellFormedText = (): MiddlewareHandler => async (c, next) => {
  if (mayChange(c.req.method) && /json/i.test(c.req.header('Content-Type') ?? '')) {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      body = undefined;
    }
    const path = illFormedTextPath(body);
    if (path) throw invalidInput([{ path, code: 'lone_surrogate', message: 'The text holds a broken character (a lone UTF-16 surrogate)' }]);
  }
  await next();
};

/**
 * The origin of a browser's request, if it sent one: null without an Origin header, 'unreadable'
 * for anything but one serialized origin (garbage, two headers joined, a path after it) and for
 * the opaque origin "null".
 */
export function requestOrigin(header: string | undefined): string | null | 'unreadable' {
  if (header === undefined) return null;
  if (!URL.canParse(header)) return 'unreadable';
  const url = new URL(header);
  if (!/^https?:$/.test(url.protocol) || url.origin !== header) return 'unreadable';
  return url.origin;
}

/**
 * CSRF: a state-changing request must come from this origin or one of `allowedOrigins` (apps
 * deployed on their own origin). Browsers send Origin on every cross-site POST/PUT/PATCH/DELETE
 * (and Sec-Fetch-Site); a request without either is not from a browser page, so it carries no
 * ambient cookie risk. An Origin that cannot be read is refused alike (403).
 */
export const requireSameOrigin = (allowedOrigins: readonly string[] = []): MiddlewareHandler => async (c, next) => {
  if (mayChange(c.req.method)) {
    const origin = requestOrigin(c.req.header('Origin'));
    const allowed = origin !== null && origin !== 'unreadable' && allowedOrigins.includes(origin);
    const sameHost = origin !== null && origin !== 'unreadable' && new URL(origin).host === c.req.header('Host');
    const crossSite = origin === 'unreadable' || (origin !== null && !sameHost && !allowed) || (!allowed && c.req.header('Sec-Fetch-Site') === 'cross-site');
    if (crossSite) throw new ProblemError(403, 'Requests that change data must come from this site');
  }
  await next();
};
