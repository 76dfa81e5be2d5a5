import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { INITIAL_JS_BUDGET_KIB as APP_BUDGET } from '@kompetansebro/testing/server';

export interface BundleFigure {
  app: string;
  files: number;
  rawKiB: number;
  gzipKiB: number;
}

const APPS = ['county-console', 'centre-portal', 'university-liaison', 'library-portal'];
/** The apps' budget, kept with the test that holds them to it (tools/e2e bundle-budget). */
export const INITIAL_JS_BUDGET_KIB = APP_BUDGET.app;

/**
 * The JavaScript a browser must load before an app's first screen: the entry script and every
 * module index.html preloads. Lazy route chunks are not counted.
 */
export async function measureInitialJavaScript(distDir = 'dist/apps'): Promise<BundleFigure[]> {
  const figures: BundleFigure[] = [];
  for (const app of APPS) {
    const appDir = join(distDir, app);
    const indexFile = join(appDir, 'index.html');
    if (!existsSync(indexFile)) continue;
    const html = await readFile(indexFile, 'utf8');
    const sources = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? '');
    let raw = 0;
    let gzip = 0;
    for (const source of new Set(sources)) {
      const path = join(appDir, source.replace(/^\/[^/]+\//, ''));
      const content = await readFile(path);
      raw += content.length;
      gzip += gzipSync(content, { level: 9 }).length;
    }
    figures.push({ app, files: new Set(sources).size, rawKiB: raw / 1024, gzipKiB: gzip / 1024 });
  }
  return figures;
}
