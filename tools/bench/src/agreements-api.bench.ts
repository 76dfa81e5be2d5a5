import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { migrateToLatest, openDatabase } from '@kompetansebro/db';
import { createApp } from '@kompetansebro/server';
import { createBenchPglite, startBenchPostgres, type BenchDatabase } from './bench-database';
import { freePort } from '@kompetansebro/testing/server';
import { BENCH_ADMIN, generateNationalDataset, NATIONAL_SCALE } from './national-dataset';

export interface ApiFigures {
  database: string;
  path: string;
  cpuMsPerRequestApp: number;
  cpuMsPerRequestRaw: number;
  cpuRatio: number;
  p50Ms: number;
  p99Ms: number;
  requestsAtFixedRate: number;
  errorsAtFixedRate: number;
  saturationRps: number;
  seedSeconds: number;
}

const CLOCK_TICKS_PER_SECOND = 100;

/** User + system CPU of a process so far, in milliseconds (Linux /proc). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function startServer(mode: 'app' | 'raw', database: BenchDatabase, env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/bench/src/serve-for-bench.ts', mode], {
    env: { ...process.env, ...database.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function stop(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

function load(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** CPU time the server spends per request, over a fixed number of requests after a warm-up. */
async function cpuPerRequest(pid: number, url: string, headers: Record<string, string>): Promise<number> {
  await load({ url, headers, connections: 10, amount: 500 });
  const before = cpuMs(pid);
  const requests = 3000;
  const result = await load({ url, headers, connections: 10, amount: requests });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return (cpuMs(pid) - before) / requests;
}

/** The SQL the app runs for one request, captured through Kysely's query log. */
async function captureSql(database: BenchDatabase, path: string): Promise<Array<{ sql: string; parameters: unknown[] }>> {
  const captured: Array<{ sql: string; parameters: unknown[] }> = [];
  const handle = await openDatabase(database.target, {
    log: (event) => {
      if (event.level === 'query') captured.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    },
  });
  try {
    const app = createApp({ db: handle.db, config: { databaseKind: 'postgres', version: 'bench', documentsDir: tmpdir(), cookieSecure: false } });
    const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_ADMIN) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    captured.length = 0;
    const response = await app.request(path, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return captured;
  } finally {
    await handle.close();
  }
}

export async function measureAgreementsApi(kind: 'postgres' | 'pglite'): Promise<ApiFigures> {
  const database = kind === 'postgres' ? await startBenchPostgres() : await createBenchPglite();
  const work = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-sql-'));
  try {
    const seedStarted = performance.now();
    const seeding = await database.open();
    await migrateToLatest(seeding.db);
    const dataset = await generateNationalDataset(seeding.db);
    await seeding.close();
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const path = `/api/agreements?status=active&region=${dataset.regionIds[3]}&pageSize=50&sort=title`;
    const sqlFile = join(work, 'queries.json');
    await writeFile(sqlFile, JSON.stringify(await captureSql(database, path)));

    const raw = await startServer('raw', database, { BENCH_SQL: sqlFile });
    const cpuMsPerRequestRaw = await cpuPerRequest(raw.child.pid ?? 0, `${raw.url}${path}`, {});
    await stop(raw.child);

    const app = await startServer('app', database, {});
    // The app's requests carry a session, as a logged-in user's do (its lookup is part of the cost).
    const login = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(BENCH_ADMIN),
    });
    const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    const cpuMsPerRequestApp = await cpuPerRequest(app.child.pid ?? 0, `${app.url}${path}`, headers);
    const fixed = await load({ url: `${app.url}${path}`, headers, connections: 50, overallRate: 300, duration: 30 });
    const saturation = await load({ url: `${app.url}${path}`, headers, connections: 50, duration: 10 });
    await stop(app.child);

    return {
      database: database.label,
      path,
      cpuMsPerRequestApp,
      cpuMsPerRequestRaw,
      cpuRatio: cpuMsPerRequestApp / cpuMsPerRequestRaw,
      p50Ms: fixed.latency.p50,
      p99Ms: fixed.latency.p99,
      requestsAtFixedRate: fixed.requests.total,
      errorsAtFixedRate: fixed.errors + fixed.non2xx,
      saturationRps: saturation.requests.average,
      seedSeconds,
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await database.dispose();
  }
}

export { NATIONAL_SCALE };
