import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/** Each micro-frontend: its build folder name and the base path it is built for. */
export const frontends = [
  { name: 'county-console', basePath: '/fylke/' },
  { name: 'centre-portal', basePath: '/studiesenter/' },
  { name: 'university-liaison', basePath: '/universitet/' },
  { name: 'library-portal', basePath: '/bibliotek/' },
] as const;

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
    app.use(`${frontend.basePath}*`, async (c, next) => {
      await next();
      // Hashed assets never change; index.html and config.json must be fresh.
      if (c.res.ok) c.header('Cache-Control', c.req.path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    });
    app.use(
      `${frontend.basePath}*`,
      serveStatic({ root: relative(process.cwd(), root), rewriteRequestPath: (path) => path.slice(base.length) }),
    );
    app.get(`${frontend.basePath}*`, async (c) => c.html(await readFile(indexFile, 'utf8')));
    mounted.push(frontend.basePath);
  }
  return mounted;
}
