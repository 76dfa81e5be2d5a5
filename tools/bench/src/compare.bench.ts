import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cookieOf, cpuMs, cpuPerRequest, routeKey, seededDatabase, startServer, stop, wantedRoutes, type DatabaseKind } from './api-routes.bench';
import type { BenchDatabase } from './bench-database';
import type { BenchRoute } from './api-routes';
import type { BenchRole } from './national-dataset';

// `npm run bench -- --only api --compare <ref>`: this checkout's server against another commit's,
// on one seeded database, in alternating rounds. Figures from one full bench run to the next
// moved 1.5–2× on routes whose code had not changed (the machine's speed varies); a before/after
// measured in the same minutes, turn about, does not carry that into the comparison.

export interface CompareOptions {
  /** The commit (or branch, tag) to compare this checkout with. */
  ref: string;
  only: string[];
  cpuRequests: number;
  rounds: number;
  pin: boolean;
}

export interface ComparedRoute {
  route: string;
  role: BenchRole;
  database: string;
  /** Median over the rounds: the server's CPU per request, and the database server's (PostgreSQL only; PGlite runs in the server). */
  ref: { appMs: number; databaseMs: number | null };
  now: { appMs: number; databaseMs: number | null };
  errors: number;
}

type Side = 'ref' | 'now';

/**
 * CPU so far of the bench's own PostgreSQL: its postmaster and the processes it started (a
 * backend per connection), not any other PostgreSQL on the machine.
 */
async function databaseCpuOf(database: BenchDatabase): Promise<(() => number) | null> {
  if (database.target.kind !== 'postgres') return null;
  const handle = await database.open();
  try {
    const { rows } = await handle.executeSql('show data_directory');
    const dataDirectory = String(Object.values((rows as Array<Record<string, unknown>>)[0] ?? {})[0]);
    const postmaster = readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]?.trim() ?? '';
    return () => {
      let total = cpuMs(postmaster);
      for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
        try {
          const parent = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
          if (parent === postmaster) total += cpuMs(pid);
        } catch {
          // gone meanwhile
        }
      }
      return total;
    };
  } finally {
    await handle.close();
  }
}

/**
 * The bench's server entry (tools/bench/src/serve-for-bench.ts) of this checkout and of `ref`,
 * each bundled the same way into one file; both resolve their packages from this checkout's
 * node_modules, so the comparison is of the code, not of the dependencies' versions.
 */
async function serverBundles(ref: string, work: string): Promise<Record<Side, string>> {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).trim();
  const refTree = join(work, 'ref');
  execFileSync('git', ['worktree', 'add', '--detach', refTree, commit], { stdio: 'ignore' });
  await symlink(resolve('node_modules'), join(refTree, 'node_modules'));
  const bundle = async (root: string, side: Side) => {
    // Beside the symlink: the bundle's imports of packages resolve through it.
    const outfile = join(refTree, `serve-for-bench-${side}.mjs`);
    await build({
      entryPoints: [join(root, 'tools/bench/src/serve-for-bench.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      tsconfig: join(root, 'tsconfig.base.json'),
      logLevel: 'error',
    });
    return outfile;
  };
  return { ref: await bundle(refTree, 'ref'), now: await bundle(resolve('.'), 'now') };
}

function removeWorktree(work: string): void {
  try {
    execFileSync('git', ['worktree', 'remove', '--force', join(work, 'ref')], { stdio: 'ignore' });
  } catch {
    // never added (the ref did not resolve)
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

/** One round of one side: its server started, every route measured as its role, the server stopped. */
async function measureRound(
  script: string,
  database: BenchDatabase,
  routes: BenchRoute[],
  options: CompareOptions,
  databaseCpu: (() => number) | null,
): Promise<Map<string, { appMs: number; databaseMs: number | null; errors: number }>> {
  const server = await startServer('app', database, {}, options.pin, script);
  const figures = new Map<string, { appMs: number; databaseMs: number | null; errors: number }>();
  try {
    const cookies = new Map<BenchRole, Record<string, string>>();
    const request = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);
    for (const route of routes) {
      if (!cookies.has(route.role)) cookies.set(route.role, await cookieOf(request, route.role));
      const databaseBefore = databaseCpu?.() ?? 0;
      const cpu = await cpuPerRequest(server.child.pid ?? 0, `${server.url}${route.path}`, cookies.get(route.role) ?? {}, options.cpuRequests, route.role === 'anonymous');
      // cpuPerRequest warms up with a fifth as many requests first: the database's CPU covers both.
      const requests = options.cpuRequests + Math.max(50, Math.round(options.cpuRequests / 5));
      const databaseMs = databaseCpu ? (databaseCpu() - databaseBefore) / requests : null;
      figures.set(routeKey(route), { appMs: cpu.cpuMs, databaseMs, errors: cpu.errors });
    }
  } finally {
    await stop(server.child);
  }
  return figures;
}

/**
 * Every wanted route's CPU per request under this checkout's server and under `ref`'s, on one
 * seeded database: `rounds` rounds, each starting one side's server, measuring every route and
 * stopping it, the sides taking turns (ref first in odd rounds, this checkout first in even ones).
 * The medians over the rounds are compared.
 */
export async function compareApiRoutes(kind: DatabaseKind, options: CompareOptions, progress: (line: string) => void): Promise<ComparedRoute[]> {
  const work = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-compare-'));
  try {
    const scripts = await serverBundles(options.ref, work);
    progress(`compare: bundled the bench server of ${options.ref} and of this checkout`);
    const { database, dataset } = await seededDatabase(kind, progress);
    try {
      const routes = wantedRoutes(dataset, options.only);
      const databaseCpu = await databaseCpuOf(database);
      const rounds: Record<Side, Array<Map<string, { appMs: number; databaseMs: number | null; errors: number }>>> = { ref: [], now: [] };
      for (let round = 1; round <= options.rounds; round++) {
        const order: Side[] = round % 2 === 1 ? ['ref', 'now'] : ['now', 'ref'];
        for (const side of order) {
          rounds[side].push(await measureRound(scripts[side], database, routes, options, databaseCpu));
          progress(`${database.label} compare: round ${round} of ${options.rounds}, ${side === 'ref' ? options.ref : 'this checkout'} measured`);
        }
      }
      return routes.map((route) => {
        const of = (side: Side) => rounds[side].map((figures) => figures.get(routeKey(route))).filter((figure) => figure !== undefined);
        const summary = (side: Side) => {
          const figures = of(side);
          const databaseMs = figures.map((figure) => figure.databaseMs).filter((ms) => ms !== null);
          return { appMs: median(figures.map((figure) => figure.appMs)), databaseMs: databaseMs.length > 0 ? median(databaseMs) : null };
        };
        const errors = [...of('ref'), ...of('now')].reduce((sum, figure) => sum + figure.errors, 0);
        return { route: route.route, role: route.role, database: database.label, ref: summary('ref'), now: summary('now'), errors };
      });
    } finally {
      await database.dispose();
    }
  } finally {
    removeWorktree(work);
    await rm(work, { recursive: true, force: true });
  }
}
