import { sql } from 'kysely';
import { formatDateTime } from '@kompetansebro/i18n';
import type { Mailer } from '../auth/mail';
import { loadScope, visibleLiaisonNotes } from '../auth/visibility';
import { membershipsOf } from '../auth/principal';
import type { Executor } from '../persistence/executor';

// The e-mail digest of new liaison notes (issue 8): once per run, every user who asked for it
// gets one mail with the notes written since their last digest in the channels they are a party
// to (through any of their memberships), their own notes left out. A note goes out to a user at
// most once: the delivery is recorded in the same transaction as the sending, so a failed send
// is retried by the next run and a sent one never again.

export interface DigestRunResult {
  /** Mails sent. */
  mails: number;
  /** Notes in them, counted per recipient. */
  notes: number;
}

export interface DigestOptions {
  /** Where users reach the liaison view, for the link in the mail (e.g. `https://host/universitet`). */
  liaisonUrl: string;
}


export async function sendLiaisonDigest(db: Executor, mailer: Mailer, options: DigestOptions): Promise<DigestRunResult> {
  const subscribers = await db
    .selectFrom('liaison_digest_subscription as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name'])
    .where('u.disabled_at', 'is', null)
    .execute();
  const result: DigestRunResult = { mails: 0, notes: 0 };
  for (const user of subscribers) {
    const memberships = await membershipsOf(db, user.id);
    const visibleIds = new Set<string>();
    for (const membership of memberships) {
      const scope = await loadScope(db, {
        userId: user.id,
        email: user.email,
        name: user.name,
        memberships,
        organisationId: membership.organisationId,
        organisationKind: membership.organisationKind,
        role: membership.role,
      });
      const rows = await db
        .selectFrom('liaison_note as n')
        .select('n.id')
        .where(visibleLiaisonNotes(scope, 'n'))
        .where((eb) => eb.or([eb('n.author_user_id', 'is', null), eb('n.author_user_id', '!=', user.id)]))
        .where(({ not, exists, selectFrom }) =>
          not(exists(selectFrom('liaison_digest_delivery as d').select('d.note_id').whereRef('d.note_id', '=', 'n.id').where('d.user_id', '=', user.id))),
        )
        .execute();
      for (const row of rows) visibleIds.add(row.id);
    }
    if (visibleIds.size === 0) continue;

    const sent = await db.transaction().execute(async (trx) => {
      // Claims the notes; a concurrent run claims none of the same (primary key), so never twice.
      const claimed = await trx
        .insertInto('liaison_digest_delivery')
        .values([...visibleIds].map((noteId) => ({ user_id: user.id, note_id: noteId })))
        .onConflict((oc) => oc.doNothing())
        .returning('note_id')
        .execute();
      if (claimed.length === 0) return 0;
      const notes = await trx
        .selectFrom('liaison_note as n')
        .leftJoin('actor as u', 'u.id', 'n.university_id')
        .leftJoin('actor as t', 't.id', 'n.target_actor_id')
        .leftJoin('region as g', 'g.id', 'n.target_region_id')
        .leftJoin('app_user as w', 'w.id', 'n.author_user_id')
        .select(['n.body', 'n.created_at', sql<string>`coalesce(u.name, 'Fylkeskommunen')`.as('university'), sql<string>`coalesce(t.name, g.name)`.as('target'), 'w.name as author'])
        .where('n.id', 'in', claimed.map((c) => c.note_id))
        .orderBy('n.created_at')
        .execute();
      const lines = notes.map(
        (n) => `${n.university} – ${n.target}\n${formatDateTime(new Date(n.created_at).toISOString())}${n.author ? `, ${n.author}` : ''}:\n${n.body}\n`,
      );
      await mailer.send({
        to: user.email,
        subject: `Kompetansebro: ${notes.length} nye notater i samarbeidskanalene`,
        text: `Hei ${user.name},\n\nNye notater i samarbeidskanalene dine:\n\n${lines.join('\n')}\nLes og svar: ${options.liaisonUrl}/kanaler\n\nDu får denne e-posten fordi du har bedt om sammendrag av nye notater. Du kan skru det av samme sted.\n`,
      });
      return notes.length;
    });
    if (sent > 0) {
      result.mails += 1;
      result.notes += sent;
    }
  }
  return result;
}
