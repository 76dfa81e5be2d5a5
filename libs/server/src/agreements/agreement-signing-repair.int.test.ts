import { describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import type { AgreementDetail } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { applyDataRepairs } from '../persistence/data-repairs';
import { draftAgreement, ifMatch, json, testServer } from '../testing/fixture.test';

// Agreements every party accepted before the last acceptance signed them stayed under negotiation;
// the data repair signs them as the live rule would, and leaves every other agreement alone.

const server = testServer();
const REPAIR = '2026-12-06 agreements-signed-by-every-acceptance';
const FOSEN = sampleId('actor', 'study-centre-fosen');
const ORLAND = sampleId('actor', mainLibraryKey('5057'));
const OSEN = sampleId('actor', mainLibraryKey('5020'));

/** An agreement of Fosen with two libraries, in `status`, whose parties answered as `answers` say (written straight, as a database from before the rule kept it). */
async function agreementWith(title: string, status: 'draft' | 'negotiating', answers: readonly ('accepted' | 'declined' | null)[]): Promise<AgreementDetail> {
  let agreement = await draftAgreement(server, {
    title,
    kind: 'cooperation',
    parties: [
      { actorId: FOSEN, role: 'coordinator' },
      { actorId: ORLAND, role: 'service_provider' },
      { actorId: OSEN, role: 'service_provider' },
    ],
  });
  if (status === 'negotiating') {
    agreement = await json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', { to: 'negotiating' }, ifMatch(agreement.version))), 200);
  }
  const { db } = server.database;
  for (const [index, actorId] of [FOSEN, ORLAND, OSEN].entries()) {
    const answer = answers[index];
    await db
      .updateTable('agreement_party')
      .set({ accepted_at: answer === 'accepted' ? new Date('2026-11-20T10:00:00Z') : null, declined_at: answer === 'declined' ? new Date('2026-11-20T10:00:00Z') : null })
      .where('agreement_id', '=', agreement.id)
      .where('actor_id', '=', actorId)
      .execute();
  }
  return agreement;
}

const stored = (id: string) => server.database.db.selectFrom('agreement').select(['status', 'version']).where('id', '=', id).executeTakeFirstOrThrow();

describe('the repair of agreements every party accepted', () => {
  it('signs those under negotiation as the last acceptance would, once, audited as the system; leaves the others', async () => {
    const { db } = server.database;
    const accepted = await agreementWith('Godtatt av alle før regelen', 'negotiating', ['accepted', 'accepted', 'accepted']);
    const declined = await agreementWith('Avslått av én part', 'negotiating', ['accepted', 'declined', 'accepted']);
    const oneShort = await agreementWith('Én part har ikke svart', 'negotiating', ['accepted', 'accepted', null]);
    const draft = await agreementWith('Utkast godtatt av alle', 'draft', ['accepted', 'accepted', 'accepted']);
    const others = [declined, oneShort, draft];
    const othersBefore = await Promise.all(others.map((a) => stored(a.id)));
    const versionBefore = (await stored(accepted.id)).version;

    expect(await applyDataRepairs(db)).toContainEqual({ name: REPAIR, changed: 1 });

    // As the live rule: signed, a version on, and the history says why (by no user: the system).
    expect(await stored(accepted.id)).toEqual({ status: 'signed', version: versionBefore + 1 });
    // (Read from the tables: a read through the API lets the calendar move it on, signed → active.)
    const transitions = await db.selectFrom('agreement_transition').select(['from_status', 'to_status', 'user_id', 'note', 'note_code']).where('agreement_id', '=', accepted.id).orderBy('at').orderBy('id').execute();
    expect(transitions.at(-1)).toEqual({ from_status: 'negotiating', to_status: 'signed', user_id: null, note: null, note_code: 'signed_by_acceptance' });
    // One audit entry of the move, by no user (the system), from negotiating to signed.
    const moves = await db.selectFrom('audit_entry').select(['user_id', 'before', 'after']).where('entity_id', '=', accepted.id).where('action', '=', 'transition').execute();
    expect(moves.map((move) => [move.user_id, (move.before as { status: string }).status, (move.after as { status: string }).status])).toEqual([
      [expect.any(String), 'draft', 'negotiating'],
      [null, 'negotiating', 'signed'],
    ]);
    // A decline, a party short, a draft: not signed by acceptance, so untouched (no version, no history).
    expect(await Promise.all(others.map((a) => stored(a.id)))).toEqual(othersBefore);
    for (const other of others) {
      expect((await db.selectFrom('agreement_transition').select('id').where('agreement_id', '=', other.id).execute()).length).toBe(other.transitions.length);
    }

    // Idempotent: run again (the mark removed), nothing is left to sign and nothing changes.
    await db.deleteFrom('data_repair').where('name', '=', REPAIR).execute();
    expect(await applyDataRepairs(db)).toContainEqual({ name: REPAIR, changed: 0 });
    expect(await stored(accepted.id)).toEqual({ status: 'signed', version: versionBefore + 1 });
    expect((await db.selectFrom('agreement_transition').select('id').where('agreement_id', '=', accepted.id).where('to_status', '=', 'signed').execute()).length).toBe(1);
  });
});
