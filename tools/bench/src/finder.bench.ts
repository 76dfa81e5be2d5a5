import { spawn, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { freePort, initialJavaScriptOf, INITIAL_JS_BUDGET_KIB } from '@kompetansebro/testing/server';
import { waitForHealth } from './startup.bench';
import { withLighthouseBase, type LighthouseOver } from './tls-front';

// The public student finder (issue 15): what its front page and a library page cost a phone.

export const FINDER_JS_GOAL_KIB = INITIAL_JS_BUDGET_KIB.finder;
export const FINDER_PAGES = [
  { page: 'front page', path: '/' },
  { page: 'library page', path: '/finn/bibliotek/grong-bibliotek' },
];

/**
 * Lighthouse runs per page: its mobile profile multiplies the main thread's time by four, so on a
 * shared machine one run says as much about the neighbours as about the page; the median of a few
 * is what Lighthouse's own guidance reports (LIGHTHOUSE_RUNS to change it).
 */
export const LIGHTHOUSE_RUNS = Number(process.env['LIGHTHOUSE_RUNS'] ?? 3);

interface LighthouseRun {
  performance: number;
  accessibility: number;
  lcpSeconds: number;
  tbtMs: number;
  benchmarkIndex: number;
}

export interface FinderFigure {
  page: string;
  htmlGzipKiB: number;
  scripts: number;
  jsGzipKiB: number;
  /** The median run by performance score, the range of the scores, and the machine's load (1-minute average) before the runs. */
  lighthouse: (LighthouseRun & { runs: number; performanceRange: [number, number]; load: number }) | string;
}

const gzipKiB = (content: string | Buffer) => gzipSync(content, { level: 9 }).length / 1024;

/**
 * Lighthouse's CLI (12.2.3 runs on Node 20): LIGHTHOUSE_BIN, or the workspace's when installed.
 * Mobile profile (its default: a mid-range phone, slow 4G, 4× CPU slowdown) in Debian's Chromium.
 */
export async function lighthouseOf(url: string, extraHeaders: Record<string, string> = {}): Promise<FinderFigure['lighthouse']> {
  const bin = process.env['LIGHTHOUSE_BIN'] ?? 'node_modules/.bin/lighthouse';
  if (!existsSync(bin)) return 'lighthouse not installed (npm i -D -E lighthouse@12.2.3, or set LIGHTHOUSE_BIN)';
  const load = loadavg()[0] ?? 0;
  const runs: LighthouseRun[] = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    let result = await lighthouseRun(bin, url, extraHeaders);
    // Lighthouse sometimes loses its own trace of the load and asks to be run again (NO_NAVSTART,
    // seen a few times a day here): it is, twice at most, before the failure is reported.
    for (let again = 0; again < 2 && typeof result === 'string' && result.includes('run Lighthouse again'); again++) {
      result = await lighthouseRun(bin, url, extraHeaders);
    }
    if (typeof result === 'string') return result;
    runs.push(result);
  }
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  const median = sorted[Math.floor(sorted.length / 2)] as LighthouseRun;
  return { ...median, runs: runs.length, performanceRange: [sorted[0]?.performance ?? 0, sorted.at(-1)?.performance ?? 0], load };
}

/** One run; `extraHeaders` go with every request of the page (a session cookie: the page after login). */
async function lighthouseRun(bin: string, url: string, extraHeaders: Record<string, string>): Promise<LighthouseRun | string> {
  const dir = await mkdtemp(join(tmpdir(), 'kompetansebro-lighthouse-'));
  try {
    const output = join(dir, 'report.json');
    await promisify(execFile)(
      bin,
      [
        url,
        '--quiet',
        '--only-categories=performance,accessibility',
        '--output=json',
        `--output-path=${output}`,
        // The TLS front's certificate is a throwaway one for localhost (tls-front.ts).
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu${url.startsWith('https:') ? ' --ignore-certificate-errors' : ''}`,
        ...(Object.keys(extraHeaders).length > 0 ? [`--extra-headers=${JSON.stringify(extraHeaders)}`] : []),
      ],
      { env: { ...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? '/usr/bin/chromium' }, timeout: 240_000 },
    );
    const report = JSON.parse(await readFile(output, 'utf8')) as {
      categories: Record<'performance' | 'accessibility', { score: number }>;
      audits: Record<string, { numericValue?: number }>;
      environment: { benchmarkIndex: number };
    };
    return {
      performance: Math.round(report.categories.performance.score * 100),
      accessibility: Math.round(report.categories.accessibility.score * 100),
      lcpSeconds: (report.audits['largest-contentful-paint']?.numericValue ?? 0) / 1000,
      tbtMs: report.audits['total-blocking-time']?.numericValue ?? 0,
      benchmarkIndex: report.environment.benchmarkIndex,
    };
  } catch (error) {
    const { message, stderr } = error as Error & { stderr?: string };
    const why = (stderr ?? '').trim().split('\n').at(-1) ?? '';
    // Its last word on stderr says why (the command line would only repeat the cookie).
    return `lighthouse failed: ${why || message.split('\n')[0]}`.slice(0, 300);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The built server (dist/apps/api/main.js) on a fresh data folder with the sample data, for as
 * long as `use` runs: the pages and apps as a browser gets them.
 */
export async function withBuiltServer<T>(use: (base: string) => Promise<T>): Promise<T> {
  const dataDir = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-server-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn('node', ['dist/apps/api/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', REMINDERS: 'off', COOKIE_SECURE: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitForHealth(`${base}/api/health`, child, 240_000);
    return await use(base);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Starts the built server on a fresh data folder and measures each finder page: its HTML, the
 * JavaScript it loads before it is interactive (every script it names, gzip -9), and Lighthouse.
 */
export async function measureFinder(over: LighthouseOver): Promise<FinderFigure[]> {
  return withBuiltServer((base) =>
    withLighthouseBase(base, over, async (pageBase) => {
      const figures: FinderFigure[] = [];
      for (const { page, path } of FINDER_PAGES) {
        const html = await (await fetch(`${base}${path}`)).text();
        const js = await initialJavaScriptOf(`${base}${path}`);
        figures.push({ page, htmlGzipKiB: gzipKiB(html), scripts: js.scripts, jsGzipKiB: js.gzipKiB, lighthouse: await lighthouseOf(`${pageBase}${path}`) });
      }
      return figures;
    }),
  );
}
