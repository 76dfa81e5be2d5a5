import { sql } from 'kysely';
import { visibleLiaisonNotes, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';

// Unread notes (issue 14): a note is unread for an organisation that receives it until someone
// acting for that organisation has opened it. What an organisation wrote itself is never unread.

function unreadNotes(db: Executor, scope: Scope) {
  return db
    .selectFrom('liaison_note as n')
    .where(visibleLiaisonNotes(scope, 'n'))
    .where((eb) => eb.or([eb('n.author_organisation_id', 'is', null), eb('n.author_organisation_id', '<>', scope.organisationId)]))
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('liaison_note_read as r').select('r.note_id').whereRef('r.note_id', '=', 'n.id').where('r.organisation_id', '=', scope.organisationId))),
    );
}

/** How many notes in the scope's channels its organisation has not opened yet, as a query (to run or nest; a bigint, read as text). */
export const unreadNoteCountQuery = (db: Executor, scope: Scope) => unreadNotes(db, scope).select((eb) => eb.fn.countAll<string>().as('n'));

/** How many notes in the scope's channels its organisation has not opened yet. */
export async function unreadNoteCount(db: Executor, scope: Scope): Promise<number> {
  const row = await unreadNoteCountQuery(db, scope).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The scope's organisation has opened these notes (those it may see; others are ignored).
 * Answers how many stay unread.
 */
export async function markNotesRead(db: Executor, scope: Scope, noteIds: readonly string[]): Promise<number> {
  if (noteIds.length > 0) {
    await db
      .insertInto('liaison_note_read')
      .columns(['note_id', 'organisation_id'])
      .expression(unreadNotes(db, scope).where('n.id', 'in', noteIds).select(['n.id as note_id', sql<string>`${scope.organisationId}::uuid`.as('organisation_id')]))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  return unreadNoteCount(db, scope);
}
