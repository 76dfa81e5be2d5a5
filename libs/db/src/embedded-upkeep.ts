import type { DatabaseHandle } from './connection';

// PGlite runs PostgreSQL as one standalone backend: there is no autovacuum. Without this upkeep the
// embedded database never updates its planner statistics (a national import is planned as if the
// tables were empty), never marks pages all-visible (index-only scans read the table after all) and
// never reclaims the rows updates and deletes leave behind (the job queue's tables churn the most).
// So the server does what autovacuum would: it vacuums and analyzes each table that has changed past
// autovacuum's own thresholds, read from the database's settings. PostgreSQL servers need none of it.

type ExecuteSql = DatabaseHandle['executeSql'];

/** A table's activity since its last vacuum and analyze (pg_stat_user_tables), and its size. */
export interface TableActivity {
  /** Schema-qualified and quoted, ready for a statement. */
  table: string;
  /** The planner's estimate of its rows; -1 before it was first analyzed. */
  estimatedRows: number;
  deadRows: number;
  insertedSinceVacuum: number;
  changedSinceAnalyze: number;
}

/** autovacuum's thresholds (PostgreSQL's settings of the same names). */
export interface UpkeepThresholds {
  vacuumThreshold: number;
  vacuumScaleFactor: number;
  vacuumInsertThreshold: number;
  vacuumInsertScaleFactor: number;
  analyzeThreshold: number;
  analyzeScaleFactor: number;
}

export interface UpkeepStep {
  table: string;
  vacuum: boolean;
  analyze: boolean;
}

/** The tables autovacuum would see to now, and what it would do to each (its rules, pure). */
export function tablesDueForUpkeep(tables: readonly TableActivity[], limits: UpkeepThresholds): UpkeepStep[] {
  return tables.flatMap((t) => {
    const rows = Math.max(0, t.estimatedRows);
    const vacuum = t.deadRows > limits.vacuumThreshold + limits.vacuumScaleFactor * rows || t.insertedSinceVacuum > limits.vacuumInsertThreshold + limits.vacuumInsertScaleFactor * rows;
    const analyze = t.estimatedRows < 0 ? t.changedSinceAnalyze > 0 : t.changedSinceAnalyze > limits.analyzeThreshold + limits.analyzeScaleFactor * rows;
    return vacuum || analyze ? [{ table: t.table, vacuum, analyze }] : [];
  });
}

const SETTINGS = {
  vacuumThreshold: 'autovacuum_vacuum_threshold',
  vacuumScaleFactor: 'autovacuum_vacuum_scale_factor',
  vacuumInsertThreshold: 'autovacuum_vacuum_insert_threshold',
  vacuumInsertScaleFactor: 'autovacuum_vacuum_insert_scale_factor',
  analyzeThreshold: 'autovacuum_analyze_threshold',
  analyzeScaleFactor: 'autovacuum_analyze_scale_factor',
} as const satisfies Record<keyof UpkeepThresholds, string>;

async function thresholdsOf(executeSql: ExecuteSql): Promise<UpkeepThresholds> {
  const { rows } = await executeSql(`select name, setting from pg_settings where name like 'autovacuum\\_%'`);
  const byName = new Map((rows as Array<{ name: string; setting: string }>).map((row) => [row.name, Number(row.setting)]));
  return Object.fromEntries(Object.entries(SETTINGS).map(([key, name]) => [key, byName.get(name) ?? 0])) as unknown as UpkeepThresholds;
}

async function activityOf(executeSql: ExecuteSql): Promise<TableActivity[]> {
  // The backend sends its counts to the statistics at most once a second: now, before reading them.
  await executeSql('select pg_stat_force_next_flush()');
  const { rows } = await executeSql(
    `select quote_ident(s.schemaname) || '.' || quote_ident(s.relname) as table, c.reltuples as estimated_rows,
            s.n_dead_tup as dead_rows, s.n_ins_since_vacuum as inserted, s.n_mod_since_analyze as changed
       from pg_stat_user_tables as s join pg_class as c on c.oid = s.relid`,
  );
  return (rows as Array<Record<string, string | number>>).map((row) => ({
    table: String(row['table']),
    estimatedRows: Number(row['estimated_rows']),
    deadRows: Number(row['dead_rows']),
    insertedSinceVacuum: Number(row['inserted']),
    changedSinceAnalyze: Number(row['changed']),
  }));
}

/** One round: vacuums and analyzes the tables past the thresholds; returns what it did. */
export async function runEmbeddedUpkeep(executeSql: ExecuteSql): Promise<UpkeepStep[]> {
  const due = tablesDueForUpkeep(await activityOf(executeSql), await thresholdsOf(executeSql));
  for (const step of due) {
    await executeSql(step.vacuum ? `vacuum (analyze ${step.analyze ? 'true' : 'false'}) ${step.table}` : `analyze ${step.table}`);
  }
  return due;
}

export interface EmbeddedUpkeep {
  /** Waits for a round under way, then stops. */
  stop(): Promise<void>;
}

/**
 * Keeps an embedded database as autovacuum would: first a whole `vacuum (analyze)` (the counts of
 * what changed before this process started are gone: PGlite keeps no statistics across restarts),
 * then a round every `everyMs`. Rounds never overlap; a failed round is reported and the next tried.
 */
export function startEmbeddedUpkeep(
  executeSql: ExecuteSql,
  options: { everyMs: number; firstAfterMs: number; onRound?: (steps: UpkeepStep[] | 'all', ms: number) => void; onError: (error: unknown) => void },
): EmbeddedUpkeep {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  const run = (first: boolean) => {
    round = (async () => {
      const started = performance.now();
      try {
        if (first) await executeSql('vacuum (analyze)');
        const steps = first ? 'all' : await runEmbeddedUpkeep(executeSql);
        options.onRound?.(steps, performance.now() - started);
      } catch (error) {
        if (!stopped) options.onError(error);
      }
      if (!stopped) schedule(options.everyMs, false);
    })();
  };
  const schedule = (ms: number, first: boolean) => {
    timer = setTimeout(() => run(first), ms);
    // A pending round never keeps the process alive.
    timer.unref();
  };
  schedule(options.firstAfterMs, true);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await round;
    },
  };
}
