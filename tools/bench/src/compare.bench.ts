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

/** CPU so far of each process, by pid. */
type CpuSnapshot = Map<string, number>;

/**
 * The CPU of the bench's own PostgreSQL, by process: its postmaster and the processes it started
 * (a backend per connection), not any other PostgreSQL on the machine.
 */
async function databaseProcessesOf(database: BenchDatabase): Promise<(() => CpuSnapshot) | null> {
  if (database.target.kind !== 'postgres') return null;
  const handle = await database.open();
  try {
    const { rows } = await handle.executeSql('show data_directory');
    const dataDirectory = String(Object.values((rows as Array<Record<string, unknown>>)[0] ?? {})[0]);
    const postmaster = readFileSync(join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]?.trim() ?? '';
    return () => {
      const snapshot: CpuSnapshot = new Map([[postmaster, cpuMs(postmaster)]]);
      for (const pid of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
        try {
          const parent = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1];
          if (parent === postmaster) snapshot.set(pid, cpuMs(pid));
        } catch {
          // gone meanwhile
        }
      }
      return snapshot;
    };
  } finally {
    await handle.close();
  }
}

/**
 * The CPU spent between two snapshots, process by process: a process that started in between
 * counts whole, one that ended in between is lost (never a negative sum, as totals gave when a
 * backend ended).
 */
function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): number {
  let total = 0;
  for (const [pid, ms] of after) total += Math.max(0, ms - (before.get(pid) ?? 0));
  return total;
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

interface RouteSample {
  appMs: number;
  databaseMs: number | null;
  errors: number;
}

/** One side's server, started; `measure` takes one sample of a route as its role. */
async function openSide(script: string, database: BenchDatabase, options: CompareOptions, databaseProcesses: (() => CpuSnapshot) | null) {
  const server = await startServer('app', database, {}, options.pin, script);
  const cookies = new Map<BenchRole, Record<string, string>>();
  const request = (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init);
  return {
    close: () => stop(server.child),
    async measure(route: BenchRoute): Promise<RouteSample> {
      if (!cookies.has(route.role)) cookies.set(route.role, await cookieOf(request, route.role));
      const before = databaseProcesses?.();
      const cpu = await cpuPerRequest(server.child.pid ?? 0, `${server.url}${route.path}`, cookies.get(route.role) ?? {}, options.cpuRequests, route.role === 'anonymous');
      // cpuPerRequest warms up with a fifth as many requests first: the database's CPU covers both.
      const requests = options.cpuRequests + Math.max(50, Math.round(options.cpuRequests / 5));
      const databaseMs = before && databaseProcesses ? cpuBetween(before, databaseProcesses()) / requests : null;
      return { appMs: cpu.cpuMs, databaseMs, errors: cpu.errors };
    },
  };
}

/**
 * Every wanted route's CPU per request under this checkout's server and under `ref`'s, on one
 * seeded database, in `rounds` rounds, the sides taking turns (ref first in odd rounds, this
 * checkout first in even ones); the medians over the rounds are compared.
 * - PostgreSQL: both servers run at once (on CPU 1 when pinned, one busy at a time); each route is
 *   measured round after round, the sides seconds apart, so the machine's state is the same for both.
 * - PGlite (one process per database folder): a round starts one side's server, measures every
 *   route and stops it, then the other's; the sides are minutes apart.
 */
export async function compareApiRoutes(kind: DatabaseKind, options: CompareOptions, progress: (line: string) => void): Promise<ComparedRoute[]> {
  const work = await mkdtemp(join(tmpdir(), 'kompetansebro-bench-compare-'));
  try {
    const scripts = await serverBundles(options.ref, work);
    progress(`compare: bundled the bench server of ${options.ref} and of this checkout`);
    const { database, dataset } = await seededDatabase(kind, progress);
    try {
      const routes = wantedRoutes(dataset, options.only);
      const databaseProcesses = await databaseProcessesOf(database);
      const samples: Record<Side, Map<string, RouteSample[]>> = { ref: new Map(), now: new Map() };
      const keep = (side: Side, route: BenchRoute, sample: RouteSample) => samples[side].set(routeKey(route), [...(samples[side].get(routeKey(route)) ?? []), sample]);
      const orderOf = (round: number): Side[] => (round % 2 === 1 ? ['ref', 'now'] : ['now', 'ref']);
      if (kind === 'postgres') {
        const sides = { ref: await openSide(scripts.ref, database, options, databaseProcesses), now: await openSide(scripts.now, database, options, databaseProcesses) };
        try {
          for (const route of routes) {
            for (let round = 1; round <= options.rounds; round++) for (const side of orderOf(round)) keep(side, route, await sides[side].measure(route));
            progress(`${database.label} compare: ${route.route} (${route.role}) measured`);
          }
        } finally {
          await Promise.all([sides.ref.close(), sides.now.close()]);
        }
      } else {
        for (let round = 1; round <= options.rounds; round++) {
          for (const side of orderOf(round)) {
            const opened = await openSide(scripts[side], database, options, databaseProcesses);
            try {
              for (const route of routes) keep(side, route, await opened.measure(route));
            } finally {
              await opened.close();
            }
            progress(`${database.label} compare: round ${round} of ${options.rounds}, ${side === 'ref' ? options.ref : 'this checkout'} measured`);
          }
        }
      }
      return routes.map((route) => {
        const of = (side: Side) => samples[side].get(routeKey(route)) ?? [];
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
