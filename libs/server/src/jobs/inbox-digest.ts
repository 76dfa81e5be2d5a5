import { appOfRole, staffApps, todayInNorway, type InboxItem, type IsoDate } from '@kompetansebro/domain';
import { formatDate } from '@kompetansebro/i18n';
import { inboxMailOf } from '../account/account.repository';
import { inboxOf } from '../account/inbox.repository';
import { membershipsOf } from '../auth/principal';
import { loadScope } from '../auth/visibility';
import { publicUrlOf } from '../http/app-env';
import type { ReminderDeps } from './reminders';
import { onceOnly } from './once-only';

// The daily digest of the inbox (issue 19): every enabled user who chose "daily" gets, once a day,
// one mail listing what waits in the inbox of each organisation they act for, with a link to it.
// Those who chose "immediately" are mailed as things happen (acceptance asked, reminders), and
// those who chose "never" get neither. Once-only per user and day (once-only.ts).

const lineOf = (item: InboxItem): string => {
  switch (item.kind) {
    case 'agreement_acceptance':
      return `Avtale til godkjenning: ${item.title}`;
    case 'amendment_acceptance':
      return `Endring (versjon ${item.amendmentNumber ?? ''}) til godkjenning: ${item.title}`;
    case 'more_acceptances':
      return item.count === 1 ? 'Ytterligere 1 avtale venter på godkjenning' : `Ytterligere ${item.count} avtaler venter på godkjenning`;
    case 'unread_notes':
      return item.count === 1 ? '1 ulest notat i samarbeidskanalene' : `${item.count} uleste notater i samarbeidskanalene`;
    case 'plan_item_due':
      return `Planpunkt med frist ${item.dueDate ? formatDate(item.dueDate, 'nb') : ''}${item.overdue ? ' (forfalt)' : ''}: ${item.title}`;
    case 'services_to_confirm':
      return item.count === 1 ? '1 tjeneste å bekrefte' : `${item.count} tjenester å bekrefte`;
    case 'survey_to_answer':
      return `Undersøkelse å svare på: ${item.title}`;
    case 'catchment_request':
      return `Ønske om endret nedslagsfelt fra ${item.title}`;
  }
};

/** Mails the day's digest to each user who chose it; returns how many mails went. */
export async function sendInboxDigests(deps: ReminderDeps, today: IsoDate = todayInNorway()): Promise<number> {
  const { db, mailer, config } = deps;
  const users = await db
    .selectFrom('notification_setting as n')
    .innerJoin('app_user as u', 'u.id', 'n.user_id')
    .select(['u.id', 'u.email', 'u.name'])
    .where('n.inbox_mail', '=', 'daily')
    .where('u.disabled_at', 'is', null)
    .execute();
  let sent = 0;
  for (const user of users) {
    const memberships = await membershipsOf(db, user.id);
    const sections: string[] = [];
    for (const membership of memberships) {
      const scope = await loadScope(db, { userId: user.id, email: user.email, name: user.name, memberships, ...membership });
      const items = await inboxOf(db, scope, today);
      if (items.length === 0) continue;
      const link = `${publicUrlOf(config)}${staffApps[appOfRole[membership.role]]}innboks`;
      sections.push([`${membership.organisationName}:`, ...items.map((item) => `- ${lineOf(item)}`), `Se innboksen: ${link}`].join('\n'));
    }
    if (sections.length === 0) continue;
    const text = [`Hei ${user.name},`, '', 'Dette venter på deg i Kompetansebro:', '', sections.join('\n\n'), '', 'Du får denne e-posten én gang om dagen fordi du har valgt det under Varsler. Du kan endre det samme sted.'].join('\n');
    const done = await onceOnly(db, { kind: 'inbox_digest', recordId: user.id, stage: today, recipient: user.email }, () =>
      mailer.send({ to: user.email, subject: 'Kompetansebro: dette venter på deg', text }),
    );
    if (done === 'sent') sent += 1;
  }
  return sent;
}

/** Of these users' addresses, those to mail at once (not those who chose a daily digest or no mail). */
export async function mailedAtOnce(deps: Pick<ReminderDeps, 'db'>, users: readonly { id: string; email: string }[]): Promise<string[]> {
  const choices = await inboxMailOf(deps.db, users.map((u) => u.id));
  return users.filter((u) => choices.get(u.id) === 'immediately').map((u) => u.email);
}
