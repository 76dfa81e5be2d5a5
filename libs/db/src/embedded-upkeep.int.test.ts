import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './connection';
import { runEmbeddedUpkeep, startEmbeddedUpkeep } from './embedded-upkeep';

// The embedded database (PGlite) has no autovacuum, whatever database the other tests use.
describe('the embedded database upkeep', () => {
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await openDatabase({ kind: 'pglite-memory' });
    await handle.executeSql('create table busy (n int primary key, note text); create table quiet (n int primary key)');
    await handle.executeSql('insert into quiet select generate_series(1, 10)');
    await handle.executeSql('vacuum analyze quiet');
  });
  afterAll(() => handle.close());

  const statsOf = async (table: string) =>
    (await handle.executeSql(`select last_vacuum, last_analyze, n_dead_tup from pg_stat_user_tables where relname = $1`, [table])).rows[0] as { last_vacuum: Date | null; last_analyze: Date | null; n_dead_tup: number };

  it('vacuums and analyzes a table changed past the thresholds, and leaves one that was not', async () => {
    await handle.executeSql('insert into busy select n, null from generate_series(1, 3000) as n');
    await handle.executeSql(`update busy set note = 'changed' where n <= 1500`);
    const quietBefore = await statsOf('quiet');

    const steps = await runEmbeddedUpkeep(handle.executeSql);
    expect(steps).toEqual([{ table: 'public.busy', vacuum: true, analyze: true }]);
    const busy = await statsOf('busy');
    expect(busy.last_vacuum).not.toBeNull();
    expect(busy.last_analyze).not.toBeNull();
    expect(Number(busy.n_dead_tup)).toBe(0);
    // The planner knows the table's size now.
    const { rows } = await handle.executeSql(`select reltuples from pg_class where relname = 'busy'`);
    expect(Number((rows[0] as { reltuples: number }).reltuples)).toBe(3000);
    expect(await statsOf('quiet')).toEqual(quietBefore);

    // Nothing changed since: nothing to do.
    expect(await runEmbeddedUpkeep(handle.executeSql)).toEqual([]);
    // A few changes stay under the thresholds.
    await handle.executeSql(`update busy set note = 'again' where n <= 10`);
    expect(await runEmbeddedUpkeep(handle.executeSql)).toEqual([]);
  });

  it('starts with a whole vacuum, then runs rounds until stopped, and a failed round does not end it', async () => {
    const rounds: Array<string> = [];
    const errors: unknown[] = [];
    let calls = 0;
    const upkeep = startEmbeddedUpkeep(
      (text, values) => {
        calls += 1;
        // The second round's first statement fails: the next round still comes.
        if (calls === 2) return Promise.reject(new Error('busy'));
        return handle.executeSql(text, values);
      },
      { firstAfterMs: 1, everyMs: 5, onRound: (steps) => rounds.push(steps === 'all' ? 'all' : `${steps.length}`), onError: (error) => errors.push(error) },
    );
    await expect.poll(() => rounds.length, { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    await upkeep.stop();
    const stoppedAt = rounds.length;
    await new Promise((done) => setTimeout(done, 30));
    expect(rounds.length).toBe(stoppedAt);
    expect(rounds[0]).toBe('all');
    expect(errors).toHaveLength(1);
  });
});
