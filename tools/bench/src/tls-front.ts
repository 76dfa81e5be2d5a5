import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { generate } from 'selfsigned';
import { freePort } from '@kompetansebro/testing/server';

/**
 * How Lighthouse reaches the pages: `https` through a TLS front speaking HTTP/2, as a deployment
 * serves them (a reverse proxy or load balancer ends TLS before the API); `http` straight to the
 * built server (HTTP/1.1, as the README's start command runs it on localhost).
 *
 * It matters to Lighthouse's mobile simulation: over HTTP/1.1 a browser opens at most six
 * connections to a host, so an app page's few dozen chunks and API calls wait in line for one, a
 * round trip of the simulated 4G each time; over HTTP/2 they share one connection.
 */
export type LighthouseOver = 'https' | 'http';

/** Connection-level headers HTTP/2 forbids (RFC 9113 §8.2.2): dropped on the way back. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade']);

function forwardedHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !name.startsWith(':') && !HOP_BY_HOP.has(name)));
}

/**
 * A TLS front for `base` (the built server on http://127.0.0.1:PORT) for as long as `use` runs:
 * HTTP/2 (and HTTP/1.1 for clients that ask) with a throwaway self-signed certificate for
 * localhost, passing each request and answer through unchanged. `use` gets its https:// address;
 * the browser must be told to accept the certificate (Chromium's --ignore-certificate-errors).
 */
export async function withTlsFront<T>(base: string, use: (httpsBase: string) => Promise<T>): Promise<T> {
  const target = new URL(base);
  // Its subject alternative name is the common name, localhost, by default.
  const certificate = await generate([{ name: 'commonName', value: 'localhost' }], { keyType: 'ec' });
  const front = createSecureServer({ key: certificate.private, cert: certificate.cert, allowHTTP1: true }, (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...forwardedHeaders(req.headers), host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, forwardedHeaders(answer.headers));
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => front.listen(port, '127.0.0.1', resolve));
  try {
    return await use(`https://localhost:${port}`);
  } finally {
    await new Promise<void>((resolve) => front.close(() => resolve()));
  }
}

/** The address Lighthouse loads pages from: the TLS front's (`https`) or the server's own (`http`). */
export function withLighthouseBase<T>(base: string, over: LighthouseOver, use: (pageBase: string) => Promise<T>): Promise<T> {
  return over === 'https' ? withTlsFront(base, use) : use(base);
}
