import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { ProblemError } from './problem';

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

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that take file uploads (multipart/form-data) instead of JSON. */
const UPLOAD_PATH = /^\/api\/(?:agreements\/[^/]+\/documents|photos|imports)$/;

/** Mutating requests carry JSON (or nothing); anything else is 415 before it reaches a route. */
export const requireJsonBody = (): MiddlewareHandler => async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method) && !UPLOAD_PATH.test(c.req.path)) {
    const contentType = c.req.header('Content-Type');
    const length = c.req.header('Content-Length');
    const hasBody = contentType !== undefined || (length !== undefined && length !== '0');
    if (hasBody && !/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '')) {
      throw new ProblemError(415, 'Send the request body as application/json');
    }
  }
  await next();
};

/**
 * CSRF: a state-changing request must come from this origin. Browsers send Origin on every
 * cross-site POST/PUT/PATCH/DELETE (and Sec-Fetch-Site); a request without either is not from
 * a browser page, so it carries no ambient cookie risk.
 */
export const requireSameOrigin = (): MiddlewareHandler => async (c, next) => {
  if (UNSAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('Origin');
    const fetchSite = c.req.header('Sec-Fetch-Site');
    const host = c.req.header('Host');
    const crossOrigin = origin !== undefined && origin !== 'null' ? new URL(origin).host !== host : origin === 'null';
    if (crossOrigin || fetchSite === 'cross-site') throw new ProblemError(403, 'Requests that change data must come from this site');
  }
  await next();
};
