import type { ActorKind } from '@kompetansebro/domain';
import { publicUrlOf, type AppConfig, type Logger } from '../http/app-env';
import type { Mailer } from '../auth/mail';
import type { Executor } from '../persistence/executor';
import type { JobPayloads, JobQueue } from './job-queue';
import { mailedAtOnce } from './inbox-digest';
import { onceOnly } from './once-only';

// Parties are told by e-mail when their acceptance is asked (issue 13): when an agreement goes to
// the parties (negotiating), or an amendment is proposed to those it touches, every party that has not accepted gets a mail — its people (enabled
// accounts acting for it) and its own address — with a link to the agreement in its own app. The
// request only queues the job (askAcceptance); the job mails each (agreement, round, recipient)
// once-only (once-only.ts), so a repeated request, a retry or two workers mail no one twice, and a
// mail that failed is tried again by the queue's retry.

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

/** Mails each party's people and its own address, each (agreement, stage, party, recipient) once; returns how many went; throws when any failed. */
async function mailParties(
  deps: AcceptanceMailDeps,
  agreementId: string,
  parties: readonly AskedParty[],
  message: { stage: string; subject: string; lines: (partyName: string) => string[] },
): Promise<number> {
  const { db, mailer, config } = deps;
  let sent = 0;
  let failed = 0;
  for (const party of parties) {
    const people = await db
      .selectFrom('app_user as u')
      .innerJoin('membership as m', 'm.user_id', 'u.id')
      .select(['u.id', 'u.email'])
      .where('u.disabled_at', 'is', null)
      .where('m.organisation_id', '=', party.actor_id)
      .execute();
    // People who chose a daily digest or no mail hear of it in their inbox (inbox-digest.ts); the organisation's own address always.
    const addresses = [...new Set([...(await mailedAtOnce(deps, people)), party.email ?? ''].filter(Boolean).map((e) => e.toLowerCase()))].sort();
    const link = `${publicUrlOf(config)}${appPathFor(party.kind, agreementId)}`;
    const stage = `${message.stage}:${party.actor_id}`;
    for (const to of addresses) {
      try {
        const text = [...message.lines(party.name), '', link, '', 'Hilsen Kompetansebro'].join('\n');
        const done = await onceOnly(db, { kind: 'agreement_acceptance_asked', recordId: agreementId, stage, recipient: to }, () => mailer.send({ to, subject: message.subject, text }));
        if (done === 'sent') sent += 1;
      } catch (error) {
        failed += 1;
        deps.logger.error({ err: error, agreementId, to }, 'acceptance mail failed');
      }
    }
  }
  if (failed > 0) throw new Error(`${failed} acceptance mails for agreement ${agreementId} failed`);
  return sent;
}

/** The job: the acceptance round's mails, or the waiting amendment's. */
export function runAcceptanceMail(deps: AcceptanceMailDeps, data: JobPayloads['agreement-acceptance-mail']): Promise<number> {
  return data.amendment ? mailAmendmentAsked(deps, data.agreementId) : mailAcceptanceAsked(deps, data.agreementId, data.round ?? 0);
}

/** Asks the parties (after the change that asks them is committed): queues the mails; a failure to queue is logged, the change stands. */
export async function askAcceptance(deps: { jobs: JobQueue; logger: Logger }, data: JobPayloads['agreement-acceptance-mail']): Promise<void> {
  await deps.jobs.enqueue('agreement-acceptance-mail', data).catch((error: unknown) => deps.logger.error({ err: error, ...data }, 'acceptance mails could not be queued'));
}
