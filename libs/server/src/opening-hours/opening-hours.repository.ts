import {
  DomainRuleError,
  hoursOfWeek,
  inActorSet,
  nextOpening,
  openingHoursInputSchema,
  serviceWeeklyHours,
  stateAt,
  toOsm,
  todayInNorway,
  type OpeningHours,
  type OpeningHoursInput,
  type OpeningHoursOsmImport,
} from '@kompetansebro/domain';
import { libraryScope, requireVisible, requireWritable, type Scope } from '../auth/visibility';
import { publishedTimetables } from '../public-api/public.repository';
import type { Executor } from '../persistence/executor';
import { actorFacts, iso, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, inTransaction, nextVersion, versionedChange, type ExpectedVersion, assertVersionMatches } from '../persistence/versioned-change';
import { updateService } from '../services/service.repository';
import { norwegianPublicHolidays } from './norwegian-holidays';
import { weeklyFromOsm } from './osm-import';

// A library's or branch's opening hours (issue 14): one record per actor, read by whoever reads
// the actor, changed by whoever may change its services and contacts (a library editor its own
// library and branches, the county admin all). Until first saved, the record is empty at version 0.

/** 404 when the scope cannot see the actor. */
async function actorOf(db: Executor, scope: Scope, actorId: string): Promise<{ name: string; writable: boolean }> {
  const facts = (await actorFacts(db, [actorId])).get(actorId);
  requireVisible(facts !== undefined && inActorSet(scope.actors.read, facts), 'opening hours');
  const { name } = await db.selectFrom('actor').select('name').where('id', '=', actorId).executeTakeFirstOrThrow();
  return { name, writable: facts !== undefined && inActorSet(scope.actorRecords.write, facts) };
}

/** The stored hours with what they mean now and this week. */
function withMeaning(id: string, actorName: string, hours: OpeningHoursInput, stored: { version: number; createdAt: string | null; updatedAt: string | null }, now: Date): OpeningHours {
  const next = nextOpening(hours, now, norwegianPublicHolidays);
  return {
    id,
    actorName,
    ...hours,
    osm: toOsm(hours),
    now: { state: stateAt(hours, now, norwegianPublicHolidays), nextOpening: next ? next.toISOString() : null },
    thisWeek: hoursOfWeek(hours, todayInNorway(now), norwegianPublicHolidays),
    ...stored,
  };
}

/** One actor's opening hours; an empty timetable at version 0 when none are stored yet. */
export async function getOpeningHours(db: Executor, scope: Scope, actorId: string, now = new Date()): Promise<OpeningHours> {
  const actor = await actorOf(db, scope, actorId);
  const row = await db.selectFrom('opening_hours').selectAll().where('id', '=', actorId).executeTakeFirst();
  if (!row) return withMeaning(actorId, actor.name, openingHoursInputSchema.parse({ weekly: [] }), { version: 0, createdAt: null, updatedAt: null }, now);
  const hours = { weekly: row.weekly, seasons: row.seasons, exceptions: row.exceptions, openOnPublicHolidays: row.open_on_public_holidays };
  return withMeaning(actorId, actor.name, hours, { version: row.version, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) }, now);
}

const columnsOf = (hours: OpeningHoursInput) => ({
  weekly: JSON.stringify(hours.weekly),
  seasons: JSON.stringify(hours.seasons),
  exceptions: JSON.stringify(hours.exceptions),
  open_on_public_holidays: hours.openOnPublicHolidays,
});

/** What the audit log keeps: the hours as edited (not what they meant the moment they were saved). */
function toAudit(record: OpeningHours) {
  const { now: _now, thisWeek: _thisWeek, ...kept } = record;
  return kept;
}

/**
 * Replaces an actor's opening hours, If-Match the version read (0: none stored yet). 404 when the
 * scope cannot see the actor, 403 when it may not change it, 412 when stale; audited.
 */
export async function saveOpeningHours(db: Executor, scope: Scope, actorId: string, input: OpeningHoursInput, expectedVersion: ExpectedVersion, change: ChangeContext): Promise<OpeningHours> {
  return inTransaction(db, async (trx) => {
    const saved = await writeOpeningHours(trx, scope, actorId, input, expectedVersion, change);
    await deriveWeeklyHours(trx, scope, actorId, input, change);
    return saved;
  });
}

/**
 * The "hours a week" of the actor's opening-hours services ("Betjent åpningstid", "Meråpent")
 * come from the timetable: each one whose figure differs is updated through the service's own
 * versioned, audited write, in the same transaction as the hours. The one rule for every write
 * of opening hours: a manual edit, an OSM take-over, an import and its undo, a survey answer.
 */
export async function deriveWeeklyHours(trx: Executor, scope: Scope, actorId: string, input: OpeningHoursInput, change: ChangeContext): Promise<number> {
  // No timetable yet: nothing to derive (the services keep what they say).
  if (input.weekly.length === 0) return 0;
  const services = await trx
    .selectFrom('service')
    .select(['id', 'type', 'weekly_hours', 'version'])
    .where('actor_id', '=', actorId)
    .where('type', 'in', ['staffed_hours', 'self_service_hours'])
    .where('archived_at', 'is', null)
    // Locked with the hours: a service saved meanwhile (another instance) waits, not fails our version check.
    .forUpdate()
    .execute();
  let updated = 0;
  for (const service of services) {
    const weeklyHours = serviceWeeklyHours(service.type, null, input);
    if (service.weekly_hours !== null && Number(service.weekly_hours) === weeklyHours) continue;
    await updateService(trx, scope, service.id, { weeklyHours }, service.version, change);
    updated++;
  }
  return updated;
}

/**
 * Every actor's opening-hours services brought in line with its timetable (deriveWeeklyHours),
 * as the actor's own editor would (audited, without a user): for data stored before the figure
 * followed the timetable on every write. Returns how many services changed.
 */
export async function alignWeeklyHoursWithTimetables(trx: Executor): Promise<number> {
  let updated = 0;
  for (const [actorId, hours] of await publishedTimetables(trx)) updated += await deriveWeeklyHours(trx, await libraryScope(trx, actorId), actorId, hours, { userId: null });
  return updated;
}

/** The write of the hours themselves: a new record (version 0 → 1) or a versioned change. */
async function writeOpeningHours(trx: Executor, scope: Scope, actorId: string, input: OpeningHoursInput, expectedVersion: ExpectedVersion, change: ChangeContext): Promise<OpeningHours> {
  const actor = await actorOf(trx, scope, actorId);
  requireWritable(actor.writable, 'You may read these opening hours but not change them');
  const stored = await trx.selectFrom('opening_hours').select('version').where('id', '=', actorId).forUpdate().executeTakeFirst();
  if (!stored) {
    assertVersionMatches('opening hours', 0, expectedVersion);
    return auditedCreate(trx, {
      entity: 'opening_hours',
      context: change,
      insert: async (t) => {
        await t.insertInto('opening_hours').values({ id: actorId, ...columnsOf(input) }).execute();
        return actorId;
      },
      read: (t) => getOpeningHours(t, scope, actorId),
      toAudit,
    });
  }
  return versionedChange(trx, {
    table: 'opening_hours',
    id: actorId,
    entity: 'opening_hours',
    label: 'opening hours',
    expectedVersion,
    action: 'update',
    context: change,
    read: (t) => getOpeningHours(t, scope, actorId),
    toAudit,
    write: async (t) => {
      await t.updateTable('opening_hours').set({ ...columnsOf(input), ...nextVersion }).where('id', '=', actorId).execute();
    },
  });
}

/**
 * Takes over the weekly timetable from OSM strings (staffed; self-service), keeping the seasons,
 * exceptions and holiday rule: 400 naming the string that does not parse, and where.
 */
export async function importOpeningHoursFromOsm(
  db: Executor,
  scope: Scope,
  actorId: string,
  input: OpeningHoursOsmImport,
  expectedVersion: ExpectedVersion,
  change: ChangeContext,
): Promise<OpeningHours> {
  const weekly = weeklyFromOsm(input);
  const current = await getOpeningHours(db, scope, actorId);
  const parsed = openingHoursInputSchema.safeParse({ weekly, seasons: current.seasons, exceptions: current.exceptions, openOnPublicHolidays: current.openOnPublicHolidays });
  if (!parsed.success) {
    throw new DomainRuleError(parsed.error.issues.map((issue) => ({ path: 'openingHours', code: 'invalid_opening_hours', message: `${issue.path.join('.')}: ${issue.message}` })));
  }
  return saveOpeningHours(db, scope, actorId, parsed.data, expectedVersion, change);
}

