import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import { testServer } from '../testing/fixture.test';
import { applyDataRepairs, type DATA_REPAIRS } from './data-repairs';

const server = testServer();
const WEEKLY_HOURS = '2026-12-06 services-weekly-hours-follow-timetable';
const NAMDALSEID = sampleId('actor', 'branch-namdalseid');

/** Namdalseid's "Betjent åpningstid" (its timetable: Tuesday and Thursday 12–18, 12 hours a week). */
async function staffedService() {
  return server.database.db
    .selectFrom('service')
    .select(['id', 'weekly_hours', 'version'])
    .where('actor_id', '=', NAMDALSEID)
    .where('type', '=', 'staffed_hours')
    .executeTakeFirstOrThrow();
}

describe('data repairs', () => {
  it('bring hours a week stored before they followed the timetable in line, once, audited without a user', async () => {
    const { db } = server.database;
    const service = await staffedService();
    // As a database from before the rule kept it: a figure the timetable does not give.
    await db.updateTable('service').set({ weekly_hours: 17 }).where('id', '=', service.id).execute();

    expect(await applyDataRepairs(db)).toContainEqual({ name: WEEKLY_HOURS, changed: 1 });
    const repaired = await staffedService();
    expect(Number(repaired.weekly_hours)).toBe(12);
    expect(repaired.version).toBe(service.version + 1);
    const audit = await db
      .selectFrom('audit_entry')
      .select(['user_id', 'action', 'before', 'after'])
      .where('entity', '=', 'service')
      .where('entity_id', '=', service.id)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ user_id: null, action: 'update', before: { weeklyHours: 17 }, after: { weeklyHours: 12 } });
    expect(await db.selectFrom('data_repair').select(['name', 'changed']).where('name', '=', WEEKLY_HOURS).execute()).toEqual([{ name: WEEKLY_HOURS, changed: 1 }]);

    // Marked as run: the next start leaves the data alone.
    await db.updateTable('service').set({ weekly_hours: 17 }).where('id', '=', service.id).execute();
    expect(await applyDataRepairs(db)).toEqual([]);
    expect(Number((await staffedService()).weekly_hours)).toBe(17);
  });

  it('leave neither changes nor a mark when a repair fails, so the next start tries again', async () => {
    const { db } = server.database;
    const service = await staffedService();
    const failing = {
      name: 'a repair that fails half-way',
      run: async (trx: Parameters<(typeof DATA_REPAIRS)[number]['run']>[0]) => {
        await trx.updateTable('service').set({ weekly_hours: 99 }).where('id', '=', service.id).execute();
        throw new Error('half-way');
      },
    };
    await expect(applyDataRepairs(db, [failing])).rejects.toThrow('half-way');
    expect(Number((await staffedService()).weekly_hours)).toBe(Number(service.weekly_hours));
    expect(await db.selectFrom('data_repair').select('name').where('name', '=', failing.name).execute()).toEqual([]);
  });
});
