// `npm run bench`: prints figures; nothing here passes or fails a build.
//
//   npm run bench -- [--only api,apps,bundle,finder,startup,import] [--database postgres|pglite]
//                    [--routes county,/api/agreements] [--seconds 5] [--saturation-seconds 5]
//                    [--cpu-requests 1000] [--json figures.json] [--verbose] [--explain-only] [--no-pin]
//                    [--lighthouse-over https|http] [--compare <ref> [--rounds 3]]
//
// --only picks sections (default: all); --routes keeps the API routes whose app, role or path
// contains one of the words; --verbose prints EXPLAIN (ANALYZE, BUFFERS) of each route's SQL;
// --explain-only prints only those (seeds and captures, no load); --lighthouse-over http runs
// Lighthouse straight against the server (HTTP/1.1) instead of through a TLS front with HTTP/2
// as a deployment serves the pages (tls-front.ts says why it matters); --compare <ref> measures
// the API routes' CPU per request under this checkout's server and under <ref>'s, in alternating
// rounds on one database (compare.bench.ts), instead of the usual table.
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { INITIAL_JS_BUDGET_KIB, measureInitialJavaScript } from './src/bundle-size.bench';
import { measureStartup } from './src/startup.bench';
import { FINDER_JS_GOAL_KIB, measureFinder, type FinderFigure } from './src/finder.bench';
import { canPin, FIXED_RATE, measureApiRoutes, pinLoadGenerator, NATIONAL_SCALE, type DatabaseKind, type RouteFigure } from './src/api-routes.bench';
import { measureApps } from './src/apps.bench';
import { compareApiRoutes, type ComparedRoute } from './src/compare.bench';
import { measureImport } from './src/import.bench';

const SECTIONS = ['bundle', 'finder', 'apps', 'startup', 'api', 'import'] as const;
type Section = (typeof SECTIONS)[number];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    database: { type: 'string' },
    routes: { type: 'string' },
    seconds: { type: 'string', default: '5' },
    'saturation-seconds': { type: 'string', default: '5' },
    'cpu-requests': { type: 'string', default: '1000' },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
    'explain-only': { type: 'boolean', default: false },
    'no-pin': { type: 'boolean', default: false },
    'lighthouse-over': { type: 'string', default: 'https' },
    compare: { type: 'string' },
    rounds: { type: 'string', default: '3' },
  },
});
const list = (value: string | undefined) => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : []);
const sections = new Set<Section>(values.only ? (list(values.only) as Section[]) : SECTIONS);
for (const section of sections) if (!SECTIONS.includes(section)) throw new Error(`--only: unknown section ${section} (${SECTIONS.join(', ')})`);
const lighthouseOver = values['lighthouse-over'];
if (lighthouseOver !== 'https' && lighthouseOver !== 'http') throw new Error(`--lighthouse-over: https or http, not ${lighthouseOver}`);
const overWords = lighthouseOver === 'https' ? 'over HTTPS and HTTP/2, as deployed' : 'over plain HTTP/1.1 to the server';
const databases: DatabaseKind[] = values.database ? (list(values.database) as DatabaseKind[]) : ['postgres', 'pglite'];

/** One object per measurement, with the same keys every time, for comparing runs (--json). */
interface JsonFigure {
  route: string;
  database: string | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** Who asked (one route is measured for several roles). */
  role: string | null;
  rate: number | null;
  /** The longest pause of the machine during the fixed-rate window (pause-probe.ts). */
  longestPauseMs: number | null;
  errors: number | null;
  saturationRps: number | null;
  cpuMsPerRequest: number | null;
  cpuRatio: number | null;
  app: string | null;
  gzipKiB: number | null;
  lighthouse: number | null;
}
const json: JsonFigure[] = [];
const noRoute = { database: null, role: null, p50Ms: null, p99Ms: null, rate: null, longestPauseMs: null, errors: null, saturationRps: null, cpuMsPerRequest: null, cpuRatio: null };
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const performanceOf = (lighthouse: FinderFigure['lighthouse']) => (typeof lighthouse === 'string' ? null : lighthouse.performance);
const lighthouseColumns = (lighthouse: FinderFigure['lighthouse']) =>
  typeof lighthouse === 'string'
    ? { lighthouse }
    : {
        [`performance (median of ${lighthouse.runs})`]: lighthouse.performance,
        'performance range': lighthouse.performanceRange.join('–'),
        accessibility: lighthouse.accessibility,
        'LCP s': lighthouse.lcpSeconds.toFixed(2),
        'TBT ms': Math.round(lighthouse.tbtMs),
        'CPU benchmark index': lighthouse.benchmarkIndex,
        'load before': lighthouse.load.toFixed(1),
      };

if (sections.has('bundle')) {
  const bundles = await measureInitialJavaScript();
  console.log('\nInitial JavaScript per app (entry + preloaded modules, gzip -9)');
  console.table(
    bundles.map((b) => ({
      app: b.app,
      files: b.files,
      'raw KiB': b.rawKiB.toFixed(1),
      'gzip KiB': b.gzipKiB.toFixed(1),
      [`within ${INITIAL_JS_BUDGET_KIB} KiB`]: b.gzipKiB <= INITIAL_JS_BUDGET_KIB ? 'yes' : 'NO',
    })),
  );
  if (!sections.has('apps')) for (const b of bundles) json.push({ route: b.app, ...noRoute, app: b.app, gzipKiB: round(b.gzipKiB, 1), lighthouse: null });
}

if (sections.has('finder')) {
  console.log(`\nThe public student finder: HTML and initial JavaScript (gzip -9), Lighthouse mobile in Debian's Chromium ${overWords} (goals: performance ≥ 95, accessibility 100, LCP ≤ 2.0 s)`);
  const finder = await measureFinder(lighthouseOver);
  console.table(
    finder.map((f) => ({
      page: f.page,
      'HTML gzip KiB': f.htmlGzipKiB.toFixed(1),
      scripts: f.scripts,
      'JS gzip KiB': f.jsGzipKiB.toFixed(1),
      [`within ${FINDER_JS_GOAL_KIB} KiB`]: f.jsGzipKiB <= FINDER_JS_GOAL_KIB ? 'yes' : 'NO',
      ...lighthouseColumns(f.lighthouse),
    })),
  );
  for (const f of finder) json.push({ route: f.page, ...noRoute, app: 'finder', gzipKiB: round(f.jsGzipKiB, 1), lighthouse: performanceOf(f.lighthouse) });
}

if (sections.has('apps')) {
  console.log(`\nEach app's landing page after login (the demo user of its role): initial JavaScript and Lighthouse mobile in Debian's Chromium ${overWords} (goal: performance ≥ 95)`);
  const apps = await measureApps(lighthouseOver, list(values.routes));
  console.table(apps.map((a) => ({ app: a.app, page: a.path, 'JS gzip KiB': a.gzipKiB?.toFixed(1) ?? '–', ...lighthouseColumns(a.lighthouse) })));
  for (const a of apps) json.push({ route: a.path, ...noRoute, app: a.app, gzipKiB: a.gzipKiB === null ? null : round(a.gzipKiB, 1), lighthouse: performanceOf(a.lighthouse) });
}

if (sections.has('startup')) {
  console.log('\nSeconds from start to healthy (/api/health answers 200)');
  const startup = await measureStartup();
  console.table(startup.map((s) => ({ measurement: s.label, seconds: s.seconds.toFixed(2) })));
}

const change = (before: number | null, after: number | null) => (before === null || after === null || before === 0 ? '–' : `${after >= before ? '+' : ''}${Math.round((100 * (after - before)) / before)} %`);
const ms = (value: number | null) => (value === null ? '–' : value.toFixed(2));

if (sections.has('api') && values.compare) {
  const ref = values.compare;
  const pin = !values['no-pin'] && canPin();
  if (pin) pinLoadGenerator();
  const rounds = Number(values.rounds);
  console.log(
    `\nEvery wanted route's CPU per request (the server's and, on PostgreSQL, the database server's) under ${ref} and under this checkout, ` +
      `on one national-scale database, ${rounds} rounds taking turns (PostgreSQL: route by route, both servers up), medians. ${pin ? 'Server on CPU 1, load generator on CPU 0 at nice -10, the database server on either CPU.' : 'Not pinned.'} ` +
      `Load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
  );
  const compared: ComparedRoute[] = [];
  for (const kind of databases) {
    const cpuRequests = Math.round(Number(values['cpu-requests']) / (kind === 'pglite' ? 4 : 1));
    compared.push(...(await compareApiRoutes(kind, { ref, only: list(values.routes), cpuRequests, rounds, pin }, (line) => console.error(line))));
  }
  console.table(
    compared.map((c) => ({
      route: c.route,
      role: c.role,
      database: c.database,
      [`app ms ${ref}`]: ms(c.ref.appMs),
      'app ms now': ms(c.now.appMs),
      'app change': change(c.ref.appMs, c.now.appMs),
      [`db ms ${ref}`]: ms(c.ref.databaseMs),
      'db ms now': ms(c.now.databaseMs),
      'db change': change(c.ref.databaseMs, c.now.databaseMs),
      errors: c.errors,
    })),
  );
} else if (sections.has('api')) {
  const pin = !values['no-pin'] && canPin();
  if (pin) pinLoadGenerator();
  const seconds = Number(values.seconds);
  const saturationSeconds = Number(values['saturation-seconds']);
  console.log(
    `\nEvery list and overview route of every app, as the role that uses it, at national scale: ${NATIONAL_SCALE.counties} counties, ` +
      `${NATIONAL_SCALE.municipalities} municipalities, ${NATIONAL_SCALE.actors} actors, ${NATIONAL_SCALE.agreements} agreements, ` +
      `${NATIONAL_SCALE.participations} activity participations, ${NATIONAL_SCALE.liaisonNotes} liaison notes, ${NATIONAL_SCALE.auditEntries} audit entries (plus the sample data).\n` +
      `p50/p99 at a steady fixed rate (one request every 1/rate s, an open loop; ${databases.map((d) => `${d} ${FIXED_RATE[d]} req/s`).join(', ')}) for ${seconds} s, saturation over ${saturationSeconds} s (50 connections), ` +
      `server CPU per request against a bare node:http + driver server running the same SQL.\n` +
      (pin
        ? 'Pinned with taskset: the load generator (this process) on CPU 0 at nice -10 (it stands for clients on other machines, so the servers may not starve it), the server under test on CPU 1, the database server on either CPU at the normal priority (tools/bench/src/placement.ts).'
        : 'Not pinned (taskset missing, one CPU, or --no-pin): load generator and server share the CPUs.') +
      ` Load average before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}.`,
  );
  const all: RouteFigure[] = [];
  for (const kind of databases) {
    const result = await measureApiRoutes(
      kind,
      {
        only: list(values.routes),
        seconds,
        saturationSeconds,
        cpuRequests: Math.round(Number(values['cpu-requests']) / (kind === 'pglite' ? 4 : 1)),
        verbose: values.verbose,
        explainOnly: values['explain-only'],
        pin,
      },
      (line) => console.error(line),
    );
    for (const failure of result.failures) console.log(`  left out: ${failure}`);
    all.push(...result.figures);
  }
  const slowestFirst = [...all].sort((a, b) => b.p99Ms - a.p99Ms);
  console.log(
    'Slowest first (p99 at the fixed rate). Goals: PostgreSQL p99 ≤ 50 ms at 300 req/s, 0 errors, CPU ratio ≤ 1.3; PGlite p99 ≤ 100 ms at 100 req/s.\n' +
      'Longest pause: the longest a probe process beside the server waited to run during the fixed-rate window; a pause as long as the p99 is the machine’s, not the route’s.',
  );
  console.table(
    slowestFirst.map((f) => ({
      route: f.route,
      role: f.role,
      database: f.database,
      'p50 ms': f.p50Ms,
      'p99 ms': f.p99Ms,
      'req/s': f.rate,
      'longest pause ms': f.longestPauseMs,
      errors: f.errors,
      'saturation req/s': Math.round(f.saturationRps),
      'CPU ms/req': f.cpuMsPerRequest.toFixed(2),
      'raw CPU ms/req': f.rawCpuMsPerRequest.toFixed(2),
      'CPU ratio': f.cpuRatio.toFixed(2),
      SQL: f.statements,
    })),
  );
  if (values.verbose) {
    for (const f of slowestFirst) {
      console.log(`\n=== ${f.database} ${f.route} as ${f.role}: EXPLAIN (ANALYZE, BUFFERS) of each statement`);
      for (const plan of f.plans ?? []) console.log(`${plan}\n`);
    }
  }
  for (const f of slowestFirst) {
    json.push({
      route: f.route,
      database: f.database,
      role: f.role,
      p50Ms: f.p50Ms,
      p99Ms: f.p99Ms,
      rate: f.rate,
      longestPauseMs: f.longestPauseMs,
      errors: f.errors,
      saturationRps: round(f.saturationRps, 1),
      cpuMsPerRequest: round(f.cpuMsPerRequest),
      cpuRatio: round(f.cpuRatio),
      app: f.app,
      gzipKiB: null,
      lighthouse: null,
    });
  }
}

if (sections.has('import')) {
  console.log(`\nImport of a ${'5,000'}-row library list through the API (in process, on the sample data, as the county admin)`);
  const imports = [];
  for (const kind of databases) imports.push(await measureImport(kind));
  console.table(
    imports.map((f) => ({
      database: f.database,
      rows: f.rows,
      'upload ms': Math.round(f.uploadMs),
      'preview ms': Math.round(f.previewMs),
      'apply ms': Math.round(f.applyMs),
      'undo ms': Math.round(f.undoMs),
    })),
  );
}

if (values.json) {
  await writeFile(values.json, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\n${json.length} measurements written to ${values.json}`);
}
