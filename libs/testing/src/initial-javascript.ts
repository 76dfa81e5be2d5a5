import { gzipSync } from 'node:zlib';

/**
 * The budgets for the JavaScript a page loads before it works (issue 18), gzip -9: each app's
 * entry (its lazy route chunks do not count) and the public finder, which phones open first.
 */
export const INITIAL_JS_BUDGET_KIB = { app: 130, finder: 60 } as const;

export interface InitialJavaScript {
  /** The scripts the page names or preloads. */
  scripts: number;
  gzipKiB: number;
}

/** Fetches a page as served and adds up every script it names or preloads as a module, gzipped. */
export async function initialJavaScriptOf(pageUrl: string): Promise<InitialJavaScript> {
  const html = await (await fetch(pageUrl)).text();
  const sources = new Set([...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1] ?? ''));
  let bytes = 0;
  for (const source of sources) {
    const response = await fetch(new URL(source, pageUrl));
    if (!response.ok) throw new Error(`${source} (named by ${pageUrl}) answered ${response.status}`);
    bytes += gzipSync(Buffer.from(await response.arrayBuffer()), { level: 9 }).length;
  }
  return { scripts: sources.size, gzipKiB: bytes / 1024 };
}
