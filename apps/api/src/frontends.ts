import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Context, Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { RUNTIME_CONFIG_ELEMENT_ID, staffApps } from '@kompetansebro/domain';

/** Each micro-frontend: its build folder name and the base path it is built for. */
export const frontends = [
  { name: 'county-console', basePath: staffApps.countyConsole },
  { name: 'centre-portal', basePath: staffApps.centrePortal },
  { name: 'university-liaison', basePath: staffApps.universityLiaison },
  { name: 'library-portal', basePath: staffApps.libraryPortal },
] as const;

/** Where the app's config puts the API: '' (this server) or another origin. */
function apiBaseOf(config: unknown): string | null {
  if (typeof config !== 'object' || config === null || !('apiBaseUrl' in config) || typeof config.apiBaseUrl !== 'string') return null;
  return config.apiBaseUrl.replace(/\/+$/, '');
}

/**
 * The app's index.html as this server sends it: config.json's content in the page (the app reads
 * it there, see feature-shell's runtime-config), and a preload of `/api/me`, which the app asks
 * first. Both spare the first screen a round trip. A missing or malformed config.json is left to
 * the app, which says so.
 */
export async function servedPage(root: string): Promise<string> {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  let config: unknown;
  try {
    config = JSON.parse(await readFile(join(root, 'config.json'), 'utf8')) as unknown;
  } catch {
    return html;
  }
  const apiBase = apiBaseOf(config);
  if (apiBase === null) return html;
  // The app's fetch sends the session cookie ('same-origin', or 'include' to another origin): the preload must match it.
  const crossOrigin = apiBase === '' ? 'anonymous' : 'use-credentials';
  const hints = [
    `<script type="application/json" id="${RUNTIME_CONFIG_ELEMENT_ID}">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>`,
    `<link rel="preload" href="${apiBase.replace(/"/g, '%22')}/api/me" as="fetch" crossorigin="${crossOrigin}" />`,
  ];
  return html.replace('</head>', `  ${hints.join('\n    ')}\n  </head>`);
}

/**
 * Serves every built frontend under its base path; a path that is no file gets the app's
 * index.html, so the app's router handles deep links. Returns the apps it found.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app, whatever its typed routes
export function mountFrontends(app: Hono<any>, staticDir: string): string[] {
  const mounted: string[] = [];
  for (const frontend of frontends) {
    const root = resolve(staticDir, frontend.name);
    const indexFile = join(root, 'index.html');
    if (!existsSync(indexFile)) continue;
    const base = frontend.basePath.slice(0, -1);
    app.get(base, (c) => c.redirect(frontend.basePath, 301));
    const page = async (c: Context) => c.html(await servedPage(root));
    app.use(`${frontend.basePath}*`, async (c, next) => {
      await next();
      // Hashed assets never change; index.html and config.json must be fresh.
      if (c.res.ok) c.header('Cache-Control', c.req.path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    // The page itself, before the files: a bare base path would otherwise get index.html as it is.
    app.get(frontend.basePath, page);
    app.use(
      `${frontend.basePath}*`,
      // The build writes .br and .gz beside each file (tools/scripts/frontend-vite-config.ts).
      serveStatic({ root: relative(process.cwd(), root), precompressed: true, rewriteRequestPath: (path) => path.slice(base.length) }),
    );
    app.get(`${frontend.basePath}*`, page);
    mounted.push(frontend.basePath);
  }
  return mounted;
}
