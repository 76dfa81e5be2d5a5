import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { ActorDetail } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { created, ifMatch, json, loggedIn, problemOf, testServer } from '../testing/fixture.test';
import { actorReferences } from './actor-merge.repository';

const server = testServer();
const libraryEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');
const countyViewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');

const NAMSOS_LIBRARY = sampleId('actor', 'library-5007');
const NAMDAL_CENTRE = sampleId('actor', 'study-centre-namdal');

interface ForeignKey {
  table: string;
  column: string;
}

/** Every column of the database that refers to an actor, read from its foreign keys. */
async function actorForeignKeys(): Promise<ForeignKey[]> {
  const result = await sql<ForeignKey>`
    select c.conrelid::regclass::text as "table", a.attname as "column"
    from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
    where c.contype = 'f' and c.confrelid = 'actor'::regclass
    order by 1, 2`.execute(server.database.db);
  return result.rows;
}

/** For each foreign key: how many rows refer to the actor. */
async function referencesTo(actorId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of await actorForeignKeys()) {
    const row = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.ref(column)} = ${actorId}`.execute(server.database.db);
    counts[`${table}.${column}`] = row.rows[0]?.n ?? 0;
  }
  return counts;
}

const newActor = async (fields: Record<string, unknown>) => created<ActorDetail>(await server.request('/api/actors', jsonBody('POST', fields)), '/api/actors');
const merge = (keepId: string, duplicateId: string, version: number, request = server.request) =>
  request(`/api/actors/${keepId}/merge`, jsonBody('POST', { duplicateId }, ifMatch(version)));

describe('merging actors', () => {
  it('knows every foreign key to actor', async () => {
    const known = actorReferences.map((r) => `${r.table}.${r.column}`).sort();
    expect((await actorForeignKeys()).map((fk) => `${fk.table}.${fk.column}`).sort()).toEqual(known);
  });

  it('moves every reference of a library to the kept actor, table by table, and archives the duplicate', async () => {
    const keep = await newActor({ kind: 'public_library', name: 'Namsos bibliotek (ny)', municipalityNumber: '5007' });
    // One fact both have: a party to the same agreement is kept once.
    const sharedAgreement = await server.database.db.selectFrom('agreement_party').select('agreement_id').where('actor_id', '=', NAMSOS_LIBRARY).executeTakeFirst();
    if (sharedAgreement) {
      await server.database.db.insertInto('agreement_party').values({ agreement_id: sharedAgreement.agreement_id, actor_id: keep.id, role: 'partner' }).execute();
    }
    const before = await referencesTo(NAMSOS_LIBRARY);
    const keptBefore = await referencesTo(keep.id);
    expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);

    const merged = await json<ActorDetail>(await merge(keep.id, NAMSOS_LIBRARY, 1), 200);
    expect(merged.version).toBe(2);

    const after = await referencesTo(NAMSOS_LIBRARY);
    const keptAfter = await referencesTo(keep.id);
    for (const [reference, count] of Object.entries(before)) {
      expect(after[reference], reference).toBe(0);
      const dropped = reference === 'agreement_party.actor_id' && sharedAgreement ? 1 : 0;
      expect(keptAfter[reference], reference).toBe((keptBefore[reference] ?? 0) + count - dropped);
    }
    const duplicate = await json<ActorDetail>(await server.request(`/api/actors/${NAMSOS_LIBRARY}`), 200);
    expect(duplicate.archivedAt).not.toBeNull();
    // The kept actor takes over what it lacked.
    expect(merged.description).toBe(duplicate.description);

    const history = await server.database.db
      .selectFrom('audit_entry')
      .select(['entity_id', 'action', 'after'])
      .where('action', '=', 'merge')
      .where('entity_id', 'in', [keep.id, NAMSOS_LIBRARY])
      .execute();
    expect(history.map((h) => h.entity_id).sort()).toEqual([keep.id, NAMSOS_LIBRARY].sort());
    expect(history.find((h) => h.entity_id === NAMSOS_LIBRARY)?.after).toMatchObject({ mergedInto: { id: keep.id } });
    expect(history.find((h) => h.entity_id === keep.id)?.after).toMatchObject({ mergedFrom: { id: NAMSOS_LIBRARY, name: 'Namsos bibliotek' } });
  });

  it('moves a study centre\'s catchment area, memberships and activities', async () => {
    const keep = await newActor({ kind: 'study_centre', name: 'Namdal studiesenter (ny)' });
    const before = await referencesTo(NAMDAL_CENTRE);
    expect(before['catchment_area.study_centre_id']).toBeGreaterThan(0);
    expect(before['membership.organisation_id']).toBeGreaterThan(0);
    await json<ActorDetail>(await merge(keep.id, NAMDAL_CENTRE, 1), 200);
    const after = await referencesTo(NAMDAL_CENTRE);
    expect(Object.values(after).every((n) => n === 0)).toBe(true);
    const kept = await referencesTo(keep.id);
    for (const [reference, count] of Object.entries(before)) expect(kept[reference], reference).toBe(count);
  });

  it('refuses a merge with itself (400), of different kinds or an archived duplicate (409), a stale version (412)', async () => {
    const keep = await newActor({ kind: 'public_library', name: 'Beholdes', municipalityNumber: '5001' });
    const other = await newActor({ kind: 'study_centre', name: 'Annen type' });
    expect((await problemOf(await merge(keep.id, keep.id, 1))).errors?.[0]).toMatchObject({ path: 'duplicateId', code: 'merge_with_self' });
    expect((await merge(keep.id, other.id, 1)).status).toBe(409);
    expect((await merge(keep.id, NAMSOS_LIBRARY, 1)).status).toBe(409);
    expect((await merge(keep.id, other.id, 7)).status).toBe(412);
    expect((await merge(keep.id, '00000000-0000-4000-8000-000000000000', 1)).status).toBe(404);
  });
});

describe('who may merge', () => {
  let keep: ActorDetail;
  let duplicate: ActorDetail;
  beforeAll(async () => {
    keep = await newActor({ kind: 'public_library', name: 'Rolletest A', municipalityNumber: '5007' });
    duplicate = await newActor({ kind: 'public_library', name: 'Rolletest B', municipalityNumber: '5007' });
  });

  it('only the county admin: a library editor and a county viewer get 403 and nothing changes', async () => {
    expect((await merge(keep.id, duplicate.id, 1, libraryEditor)).status).toBe(403);
    expect((await merge(keep.id, duplicate.id, 1, countyViewer)).status).toBe(403);
    const unchanged = await json<ActorDetail>(await server.request(`/api/actors/${duplicate.id}`), 200);
    expect(unchanged).toMatchObject({ archivedAt: null, version: 1 });
  });
});
