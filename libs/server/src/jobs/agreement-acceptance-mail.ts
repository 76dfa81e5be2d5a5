import type { ActorKind } from '@kompetansebro/domain';
import { publicUrlOf, type AppConfig, type Logger } from '../http/app-env';
import type { Mailer } from '../auth/mail';
import type { Executor } from '../persistence/executor';

// Parties are told by e-mail when their acceptance is asked (issue 13): when an agreement goes to
// the parties (negotiating), or an amendment is proposed to those it touches, every party that has not accepted gets a mail — its people (enabled
// accounts acting for it) and its own address — with a link to the agreement in its own app. Each
// (agreement, round, recipient) is claimed in reminder_sent before its mail goes, as the reminder
// job does, so a repeated request or a retry mails no one twice.

export interface AcceptanceMailDeps {
  db: Executor;
  config: AppConfig;
  mailer: Mailer;
  logger: Logger;
}

/** Where a party answers: the app its people use. */
function appPathFor(kind: ActorKind, agreementId: string): string {
  switch (kind) {
    case 'study_centre':
      return `/studiesenter/avtaler/${agreementId}`;
    case 'university_library':
      return `/universitet/avtaler/${agreementId}`;
    case 'public_library':
    case 'library_branch':
      return `/bibliotek/avtaler/${agreementId}`;
    default:
      return `/fylke/avtaler/${agreementId}`;
  }
}

/** Mails each party that has still to accept; returns how many mails went. `round`: which asking this is (the agreement's version). */
export async function mailAcceptanceAsked(deps: AcceptanceMailDeps, agreementId: string, round: number): Promise<number> {
  const { db } = deps;
  const agreement = await db.selectFrom('agreement').select(['title']).where('id', '=', agreementId).executeTakeFirstOrThrow();
  const parties = await db
    .selectFrom('agreement_party as p')
    .innerJoin('actor as a', 'a.id', 'p.actor_id')
    .select(['p.actor_id', 'a.name', 'a.kind', 'a.email'])
    .where('p.agreement_id', '=', agreementId)
    .where('p.accepted_at', 'is', null)
    .execute();
  return mailParties(deps, agreementId, parties, {
    stage: `round-${round}`,
    subject: `Avtale til godkjenning: ${agreement.title}`,
    lines: (name) => [`${name} er part i avtalen «${agreement.title}», som nå er klar for godkjenning.`, 'Les avtalen, og godta den eller avslå den med en kommentar:'],
  });
}

/**
 * Mails each party the agreement's waiting amendment touches and that has not accepted it (as
 * acceptance requests go: its people and its address, a link to its own app, once); 0 when none waits.
 */
export async function mailAmendmentAsked(deps: AcceptanceMailDeps, agreementId: string): Promise<number> {
  const { db } = deps;
  const amendment = await db
    .selectFrom('agreement_amendment as am')
    .innerJoin('agreement as ag', 'ag.id', 'am.agreement_id')
    .select(['am.id', 'am.number', 'am.reason', 'ag.title'])
    .where('am.agreement_id', '=', agreementId)
    .where('am.status', '=', 'proposed')
    .executeTakeFirst();
  if (!amendment) return 0;
  const parties = await db
    .selectFrom('agreement_amendment_party as ap')
    .innerJoin('actor as a', 'a.id', 'ap.actor_id')
    .select(['ap.actor_id', 'a.name', 'a.kind', 'a.email'])
    .where('ap.amendment_id', '=', amendment.id)
    .where('ap.accepted_at', 'is', null)
    .execute();
  return mailParties(deps, agreementId, parties, {
    stage: `amendment-${amendment.number}`,
    subject: `Endring til godkjenning: ${amendment.title}`,
    lines: (name) => [
      `Det er foreslått en endring (versjon ${amendment.number}) av avtalen «${amendment.title}», som ${name} er part i.`,
      `Begrunnelse: ${amendment.reason}`,
      'Se hva som endres, og godta endringen:',
    ],
  });
}

interface AskedParty {
  actor_id: string;
  name: string;
  kind: ActorKind;
  email: string | null;
}

/** Mails each party's people and its own address, each (agreement, stage, party, recipient) once; returns how many went. */
async function mailParties(
  deps: AcceptanceMailDeps,
  agreementId: string,
  parties: readonly AskedParty[],
  message: { stage: string; subject: string; lines: (partyName: string) => string[] },
): Promise<number> {
  const { db, mailer, config } = deps;
  let sent = 0;
  for (const party of parties) {
    const people = await db
      .selectFrom('app_user as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .select('u.email')
      .where('u.disabled_at', 'is', null)
      .where('m.organisation_id', '=', party.actor_id)
      .execute();
    const addresses = [...new Set([...people.map((p) => p.email), party.email ?? ''].filter(Boolean).map((e) => e.toLowerCase()))].sort();
    const link = `${publicUrlOf(config)}${appPathFor(party.kind, agreementId)}`;
    const stage = `${message.stage}:${party.actor_id}`;
    for (const to of addresses) {
      const claimed = await db
        .insertInto('reminder_sent')
        .values({ kind: 'agreement_acceptance_asked', record_id: agreementId, stage, recipient: to })
        .onConflict((oc) => oc.doNothing())
        .returning('kind')
        .executeTakeFirst();
      if (!claimed) continue;
      try {
        await mailer.send({ to, subject: message.subject, text: [...message.lines(party.name), '', link, '', 'Hilsen Kompetansebro'].join('\n') });
        sent += 1;
      } catch (error) {
        deps.logger.error({ err: error, agreementId, to }, 'acceptance mail failed');
        await db
          .deleteFrom('reminder_sent')
          .where('kind', '=', 'agreement_acceptance_asked')
          .where('record_id', '=', agreementId)
          .where('stage', '=', stage)
          .where('recipient', '=', to)
          .execute();
      }
    }
  }
  return sent;
}
