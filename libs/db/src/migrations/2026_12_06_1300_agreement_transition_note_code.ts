import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * The system's own notes in an agreement's history as codes the reader's language names
 * (note_code, with note_params for what they mention), no longer as bokmål text; `note` keeps
 * only what a person typed. The notes stored in bokmål so far become codes.
 */
const CODES = ['signed_by_acceptance', 'calendar', 'renewal', 'signed_without_acceptance'];
const CALENDAR = '^Etter kalenderen \\(\\d{4}-\\d{2}-\\d{2}\\)$';
const OVERRIDE = '^Signert uten godkjenning fra (.+?)\\. Begrunnelse: ';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('agreement_transition')
    .addColumn('note_code', 'text', (c) => c.check(sql.raw(`note_code in (${CODES.map((code) => `'${code}'`).join(', ')})`)))
    .addColumn('note_params', 'jsonb')
    .execute();
  // The last acceptance's signing, the calendar's moves, a renewal's draft: the note was all system text.
  await sql`update agreement_transition set note_code = 'signed_by_acceptance', note = null where note = 'Alle parter har godtatt' and to_status = 'signed'`.execute(db);
  await sql`update agreement_transition set note_code = 'calendar', note = null where note ~ ${CALENDAR} and user_id is null`.execute(db);
  await sql`update agreement_transition set note_code = 'renewal', note = null where note = 'Fornyelse' and from_status is null`.execute(db);
  // The county's signing without every acceptance: who had not accepted, and the reason it typed (kept as typed).
  await sql`
    update agreement_transition
    set note_code = 'signed_without_acceptance',
        note_params = jsonb_build_object('missing', substring(note from ${OVERRIDE})),
        note = regexp_replace(note, ${OVERRIDE}, '')
    where to_status = 'signed' and note ~ ${OVERRIDE}`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`update agreement_transition set note = 'Alle parter har godtatt' where note_code = 'signed_by_acceptance'`.execute(db);
  await sql`update agreement_transition set note = 'Etter kalenderen (' || to_char(at at time zone 'Europe/Oslo', 'YYYY-MM-DD') || ')' where note_code = 'calendar'`.execute(db);
  await sql`update agreement_transition set note = 'Fornyelse' where note_code = 'renewal'`.execute(db);
  await sql`update agreement_transition set note = 'Signert uten godkjenning fra ' || (note_params->>'missing') || '. Begrunnelse: ' || coalesce(note, '') where note_code = 'signed_without_acceptance'`.execute(db);
  await db.schema.alterTable('agreement_transition').dropColumn('note_params').dropColumn('note_code').execute();
}
