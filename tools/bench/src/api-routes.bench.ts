import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrateToLatest, openDatabase } from '@kompetansebro/db';
import { createApp } from '@kompetansebro/server';
import { benchAppConfig } from './bench-app-config';
import { createBenchPglite, startBenchPostgres, type BenchDatabase } from './bench-database';
import { freePort } from '@kompetansebro/testing/server';
import { benchRoutes, type BenchRoute } from './api-routes';
import { startPauseProbe, type PauseProbe } from './pause-probe';
import { steadyRate } from './steady-rate';
import { asServerParent } from './placement';
import { BENCH_USERS, generateNationalDataset, NATIONAL_SCALE, type BenchRole, type NationalDataset } from './national-dataset';

// One recipe for every route: seed the national dataset once per database; capture the SQL the
// app runs for each route (Kysely's query log, in process, as the route's role); serve that SQL
// from a bare node:http + driver process (the baseline: it runs the statements, makes JSON of their
// rows and sends the app's answer, byte for byte) and measure its CPU per request; then
// serve the real app and measure, per route, CPU per request, latency at a fixed rate and the
// throughput at saturation.

export type DatabaseKind = 'postgres' | 'pglite';

export interface RouteFigure {
  route: string;
  app: BenchRoute['app'];
  role: BenchRole;
  database: string;
  p50Ms: number;
  p99Ms: number;
  /** The fixed rate the latencies were measured at, requests per second. */
  rate: number;
  /** The longest the machine kept a process beside the server waiting during the fixed-rate window (pause-probe.ts). */
  longestPauseMs: number;
  /** Failed (connection errors, timeouts) and non-2xx answers of the app: while measuring CPU, at the fixed rate and at saturation. */
  errors: number;
  saturationRps: number;
  cpuMsPerRequest: number;
  rawCpuMsPerRequest: number;
  cpuRatio: number;
  /** How many SQL statements the app ran for one request. */
  statements: number;
  /** EXPLAIN (ANALYZE, BUFFERS) of each statement (--verbose). */
  plans?: string[];
}

export interface ApiBenchOptions {
  /** Keep the routes whose app, role or route contains one of these (empty: all). */
  only: string[];
  /** Seconds at the fixed rate and at saturation, per route. */
  seconds: number;
  saturationSeconds: number;
  /** Requests counted for CPU per request (after a warm-up of a fifth as many). */
  cpuRequests: number;
  verbose: boolean;
  /** Load generator on CPU 0, the server on CPU 1 (taskset). */
  pin: boolean;
  /** Only print each route's SQL and plans (no load): a quick look after changing a query or an index. */
  explainOnly?: boolean;
}

/** The fixed rate per database: the goals (PostgreSQL 300 req/s, the embedded PGlite 100 req/s). */
export const FIXED_RATE: Record<DatabaseKind, number> = { postgres: 300, pglite: 100 };

export { canPin, pinLoadGenerator } from './placement';

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU of a process so far, in milliseconds (Linux /proc); 0 for one that has ended. */
export function cpuMs(pid: number | string): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  const fields = stat.split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * A server process for the bench on `database`: this checkout's serve-for-bench.ts, or `script`
 * (a bundle of another commit's, for --compare); on CPU 1 when pinned.
 */
export async function startServer(
  mode: 'app' | 'raw',
  database: BenchDatabase,
  env: Record<string, string>,
  pin: boolean,
  script?: string,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // BENCH_PROFILE_DIR: each server writes a CPU profile of its run there (node refuses --cpu-prof in NODE_OPTIONS).
  const profile = process.env['BENCH_PROFILE_DIR'] ? ['--cpu-prof', `--cpu-prof-dir=${process.env['BENCH_PROFILE_DIR']}`] : [];
  // The engine setting the server sets itself (tuneRuntimeForServing), on the command line too: a
  // --compare ref from before that commit runs with it as well, so a comparison is of the code.
  const engine = ['--no-allocation-site-pretenuring'];
  const node = script
    ? [process.execPath, ...profile, ...engine, script, mode]
    : [process.execPath, ...profile, ...engine, '--import', 'tsx', 'tools/bench/src/serve-for-bench.ts', mode];
  const [command, ...args] = pin ? ['/usr/bin/taskset', '-c', '1', ...node] : node;
  // At the normal priority, even when spawned by a load generator that has raised its own.
  const child = await asServerParent(async () =>
    spawn(command as string, args, {
      env: { ...process.env, ...database.env, ...env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

export async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** The X-Forwarded-For of the n-th anonymous client (through the trusted loopback proxy). */
const clientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
/** At the fixed rate, each anonymous request from another address (offset from the CPU runs' addresses). */
const anonymousClient = (index: number) => ({ 'x-forwarded-for': clientAddress((1 << 20) + index) });

let clients = 0;
/** Each request from another address (X-Forwarded-For through the trusted loopback proxy): many anonymous clients, not one over its rate limit. */
const manyClients: autocannon.Request[] = [
  {
    setupRequest: (request) => {
      clients++;
      return { ...request, headers: { ...request.headers, 'x-forwarded-for': clientAddress(clients) } };
    },
  },
];

function load(options: autocannon.Options & { anonymous?: boolean }): Promise<autocannon.Result> {
  const { anonymous, ...rest } = options;
  return new Promise((resolve, reject) => {
    autocannon({ ...rest, ...(anonymous ? { requests: manyClients } : {}) }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** CPU time the server (taskset execs node, so its pid is node's) spends per request, and the requests that failed. */
export async function cpuPerRequest(pid: number, url: string, headers: Record<string, string>, requests: number, anonymous = false): Promise<{ cpuMs: number; errors: number }> {
  await load({ url, headers, connections: 10, amount: Math.max(50, Math.round(requests / 5)), anonymous });
  const before = cpuMs(pid);
  const result = await load({ url, headers, connections: 10, amount: requests, anonymous });
  return { cpuMs: (cpuMs(pid) - before) / requests, errors: result.non2xx + result.errors };
}

/**
 * Every route asked `requests` times before any is measured: a server measured on its first route
 * straight after starting ran code the JIT had not yet optimised (the headline route's app CPU was
 * 3.8 ms first in a full run, 1.8 ms in the same minutes measured in turns), while the baseline's
 * little code warms within the route's own warm-up; a server in production has long been warm.
 */
async function warmUp(urls: Array<{ url: string; headers: Record<string, string>; anonymous: boolean }>, requests: number): Promise<void> {
  for (const { url, headers, anonymous } of urls) await load({ url, headers, connections: 10, amount: requests, anonymous });
}

/** A route as one role asks for it: the key of its SQL, and the path the baseline server answers it on. */
export const routeKey = (route: BenchRoute) => `/${route.role}${route.path}`;

interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

/** The answer the app sent for a route (its bytes, base64): the baseline sends the same. */
interface KeptBody {
  contentType: string;
  body: string;
}

/** Logs in as a role (anonymous: no cookie) and returns the Cookie header. */
export async function cookieOf(request: (path: string, init: RequestInit) => Promise<Response>, role: BenchRole): Promise<Record<string, string>> {
  if (role === 'anonymous') return {};
  const login = await request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_USERS[role]) });
  if (login.status !== 200) throw new Error(`login as ${role} answered ${login.status}`);
  return { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

/**
 * The SQL the app runs for each route (Kysely's query log, in process, as its role), and with
 * `verbose` the plan of each statement. A route that does not answer 200 is left out (reported).
 */
async function captureSql(
  database: BenchDatabase,
  routes: BenchRoute[],
  verbose: boolean,
): Promise<{ queries: Map<string, CapturedQuery[]>; answers: Map<string, KeptBody>; plans: Map<string, string[]>; failures: string[] }> {
  const captured: CapturedQuery[] = [];
  const handle = await openDatabase(database.target, {
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  const queries = new Map<string, CapturedQuery[]>();
  const answers = new Map<string, KeptBody>();
  const plans = new Map<string, string[]>();
  const failures: string[] = [];
  try {
    const app = createApp({ db: handle.db, config: benchAppConfig(handle.target) });
    const request = async (path: string, init: RequestInit) => app.request(path, init);
    const cookies = new Map<BenchRole, Record<string, string>>();
    for (const route of routes) {
      if (!cookies.has(route.role)) cookies.set(route.role, await cookieOf(request, route.role));
      // Twice: the first request of a session may touch it (its idle clock), later ones only read.
      await app.request(route.path, { headers: cookies.get(route.role) });
      captured.length = 0;
      const response = await app.request(route.path, { headers: cookies.get(route.role) });
      if (response.status !== 200) {
        failures.push(`${route.route} as ${route.role} answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
        continue;
      }
      const statements = [...captured];
      queries.set(routeKey(route), statements);
      answers.set(routeKey(route), { contentType: response.headers.get('content-type') ?? 'application/json', body: Buffer.from(await response.arrayBuffer()).toString('base64') });
      if (verbose) {
        const routePlans: string[] = [];
        for (const statement of statements) {
          if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
          const { rows } = await handle.executeSql(`explain (analyze, buffers) ${statement.sql}`, statement.parameters);
          routePlans.push(`${statement.sql}\n${(rows as Array<Record<string, string>>).map((row) => Object.values(row)[0]).join('\n')}`);
        }
        plans.set(routeKey(route), routePlans);
      }
    }
  } finally {
    await handle.close();
  }
  return { queries, answers, plans, failures };
}

export interface ApiBenchResult {
  database: string;
  seedSeconds: number;
  figures: RouteFigure[];
  failures: string[];
}

/** A database of the kind, seeded with the national dataset, vacuumed and checkpointed, and the dataset's ids. */
export async function seededDatabase(kind: DatabaseKind, progress: (line: string) => void): Promise<{ database: BenchDatabase; dataset: NationalDataset; seedSeconds: number }> {
  const database = kind === 'postgres' ? await startBenchPostgres() : await createBenchPglite();
  const seedStarted = performance.now();
  let dataset: NationalDataset;
  try {
    const seeding = await database.open();
    await migrateToLatest(seeding.db);
    dataset = await generateNationalDataset(seeding.db);
    // As autovacuum would have by the time the data had grown: the planner's statistics and the
    // visibility map (index-only scans).
    await seeding.executeSql('vacuum analyze');
    // The seed's pages written out before measuring, not by a checkpoint falling due minutes into
    // the measurements. (One run with it: the municipalities' p99 of 130 ms in three runs before was
    // 37 ms, but other routes had stalls of that size instead; the machine's own pauses remain.)
    await seeding.executeSql('checkpoint');
    await seeding.close();
  } catch (error) {
    await database.dispose();
    throw error;
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  progress(`${database.label}: national dataset seeded in ${seedSeconds.toFixed(1)} s`);
  return { database, dataset, seedSeconds };
}

/** The bench's routes that `only` keeps (empty: all): those whose app, role or route contains one of the words. */
export function wantedRoutes(dataset: NationalDataset, only: readonly string[]): BenchRoute[] {
  return benchRoutes(dataset).filter((route) => only.length === 0 || only.some((o) => route.app === o || route.role === o || route.route.includes(o)));
}

export async function measureApiRoutes(kind: DatabaseKind, options: ApiBenchOptions, progress: (line: string) => void = (line) => console.error(line)): Promise<ApiBenchResult> {
  const { database, dataset, seedSeconds } = await seededDatabase(kind, progress);
  const work = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-sql-'));
  try {
    const candidates = wantedRoutes(dataset, options.only);
    const { queries, answers, plans, failures } = await captureSql(database, candidates, options.verbose || options.explainOnly === true);
    progress(`${database.label}: SQL of ${queries.size} routes captured`);
    if (options.explainOnly) {
      for (const route of candidates) {
        console.log(`\n=== ${database.label} ${route.route} as ${route.role}: ${queries.get(routeKey(route))?.length ?? 0} statements, EXPLAIN (ANALYZE, BUFFERS) of each`);
        for (const plan of plans.get(routeKey(route)) ?? []) console.log(`${plan}\n`);
      }
      return { database: database.label, seedSeconds, figures: [], failures };
    }
    const routes = candidates.filter((r) => queries.has(routeKey(r)));
    const sqlFile = join(work, 'queries.json');
    await writeFile(sqlFile, JSON.stringify(Object.fromEntries(queries)));
    const answersFile = join(work, 'answers.json');
    await writeFile(answersFile, JSON.stringify(Object.fromEntries(answers)));

    // The baseline: the same statements on a bare node:http server with the driver, the same answer.
    const raw = await startServer('raw', database, { BENCH_SQL: sqlFile, BENCH_ANSWERS: answersFile }, options.pin);
    const rawCpu = new Map<string, number>();
    const warmUpRequests = Math.max(50, Math.round(options.cpuRequests / 3));
    await warmUp(routes.map((route) => ({ url: `${raw.url}${routeKey(route)}`, headers: {}, anonymous: false })), warmUpRequests);
    for (const route of routes) {
      const baseline = await cpuPerRequest(raw.child.pid ?? 0, `${raw.url}${routeKey(route)}`, {}, options.cpuRequests);
      // A baseline with failed requests measured something else: no ratio then.
      rawCpu.set(routeKey(route), baseline.errors === 0 ? baseline.cpuMs : Number.NaN);
      progress(`${database.label} baseline ${route.route} (${route.role}): CPU ${baseline.cpuMs.toFixed(2)} ms per request, ${baseline.errors} errors`);
    }
    await stop(raw.child);

    const app = await startServer('app', database, {}, options.pin);
    let probe: PauseProbe | null = null;
    const figures: RouteFigure[] = [];
    try {
      const pauses = await startPauseProbe(options.pin);
      probe = pauses;
      const cookies = new Map<BenchRole, Record<string, string>>();
      const request = (path: string, init: RequestInit) => fetch(`${app.url}${path}`, init);
      for (const route of routes) if (!cookies.has(route.role)) cookies.set(route.role, await cookieOf(request, route.role));
      await warmUp(routes.map((route) => ({ url: `${app.url}${route.path}`, headers: cookies.get(route.role) ?? {}, anonymous: route.role === 'anonymous' })), warmUpRequests);
      progress(`${database.label}: the app warmed up as the baseline was (${warmUpRequests} requests per route before measuring)`);
      for (const route of routes) {
        const headers = cookies.get(route.role) ?? {};
        const url = `${app.url}${route.path}`;
        const anonymous = route.role === 'anonymous';
        const cpu = await cpuPerRequest(app.child.pid ?? 0, url, headers, options.cpuRequests, anonymous);
        const cpuMsPerRequest = cpu.cpuMs;
        const rate = FIXED_RATE[kind];
        const { result: fixed, longestPauseMs } = await pauses.around(() =>
          steadyRate(url, { rate, seconds: options.seconds, headers, ...(anonymous ? { headersOf: anonymousClient } : {}) }),
        );
        const saturation = await load({ url, headers, connections: 50, duration: options.saturationSeconds, anonymous });
        const rawCpuMsPerRequest = rawCpu.get(routeKey(route)) ?? Number.NaN;
        const figure: RouteFigure = {
          route: route.route,
          app: route.app,
          role: route.role,
          database: database.label,
          p50Ms: round1(fixed.p50Ms),
          p99Ms: round1(fixed.p99Ms),
          rate,
          longestPauseMs: round1(longestPauseMs),
          errors: cpu.errors + fixed.errors + saturation.errors + saturation.non2xx,
          saturationRps: saturation.requests.average,
          cpuMsPerRequest,
          rawCpuMsPerRequest,
          cpuRatio: cpuMsPerRequest / rawCpuMsPerRequest,
          statements: queries.get(routeKey(route))?.length ?? 0,
          ...(options.verbose ? { plans: plans.get(routeKey(route)) ?? [] } : {}),
        };
        figures.push(figure);
        progress(
          `${database.label} ${route.route} (${route.role}): p99 ${figure.p99Ms} ms @${rate}/s (longest pause ${figure.longestPauseMs} ms), saturation ${Math.round(figure.saturationRps)}/s, ` +
            `CPU ${cpuMsPerRequest.toFixed(2)} ms (×${figure.cpuRatio.toFixed(2)} raw), ${figure.errors} errors`,
        );
      }
    } finally {
      await probe?.stop();
      await stop(app.child);
    }
    return { database: database.label, seedSeconds, figures, failures };
  } finally {
    await rm(work, { recursive: true, force: true });
    await database.dispose();
  }
}

export { NATIONAL_SCALE };
