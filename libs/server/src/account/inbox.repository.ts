import { addDays, can, INBOX_ACCEPTANCES, PLAN_ITEM_INBOX_DAYS, planItemOverdue, SERVICE_CONFIRMATION_DAYS, todayInNorway, type InboxItem, type IsoDate } from '@kompetansebro/domain';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { listPendingAcceptances } from '../agreements/agreement.repository';
import { actorIdInSet, type Scope } from '../auth/visibility';
import { unreadNoteCountQuery } from '../liaison/note-read.repository';
import type { Executor } from '../persistence/executor';

// The inbox (issue 19): what needs the principal — the organisation it acts for — now, each item
// done on its own page: acceptances asked of it, notes it has not opened, plan items it owns that
// are due soon or overdue, services not confirmed for a year, the open survey it has not answered,
// and (for the county admin) catchment-area requests waiting for a decision. Every part reads
// through the scope, so an item never names a record the principal may not see.

const item = (fields: Partial<InboxItem> & Pick<InboxItem, 'kind' | 'title'>): InboxItem => ({ recordId: null, count: 1, dueDate: null, amendmentNumber: null, overdue: false, ...fields });

export async function inboxOf(db: Executor, scope: Scope, today: IsoDate = todayInNorway()): Promise<InboxItem[]> {
  const [acceptances, rest] = await Promise.all([can(scope.role, 'agreement_acceptance', 'create') ? acceptanceItems(db, scope) : [], otherItems(db, scope, today)]);
  return [...acceptances, ...rest];
}

/** The acceptances asked of it, the newest few by name and the rest as one item (a long list is not read for the inbox). */
async function acceptanceItems(db: Executor, scope: Scope): Promise<InboxItem[]> {
  const tasks = await listPendingAcceptances(db, scope, { page: 1, pageSize: INBOX_ACCEPTANCES }, { unanswered: true });
  return [
    ...tasks.items.map((task) =>
      item({
        kind: task.amendmentNumber === null ? 'agreement_acceptance' : 'amendment_acceptance',
        recordId: task.agreementId,
        title: task.title,
        amendmentNumber: task.amendmentNumber,
      }),
    ),
    ...(tasks.total > tasks.items.length ? [item({ kind: 'more_acceptances', title: '', count: tasks.total - tasks.items.length })] : []),
  ];
}

/**
 * Everything else, read in one statement (issue 18: the inbox is asked for on every page, and
 * each statement costs the database more than these small parts do): each part is a subquery,
 * present only where the role has that kind of task.
 */
async function otherItems(db: Executor, scope: Scope, today: IsoDate): Promise<InboxItem[]> {
  const { role, organisationId } = scope;
  // A due plan item opens on its owner's page; the county, which keeps the plans, opens the initiative it belongs to.
  const planOpensInitiative = can(role, 'initiative', 'read');
  const planItems = db
    .selectFrom('plan_item as p')
    .innerJoin('initiative as i', 'i.id', 'p.initiative_id')
    .select(['p.id', 'p.initiative_id', 'p.title', 'p.due_date', 'p.status'])
    .where('p.responsible_actor_id', '=', organisationId)
    .where('p.status', 'in', ['planned', 'in_progress'])
    .where('p.due_date', 'is not', null)
    .where('p.due_date', '<=', addDays(today, PLAN_ITEM_INBOX_DAYS))
    .orderBy('p.due_date')
    .orderBy('p.id');
  const row = await db
    .selectNoFrom(jsonArrayFrom(planItems).as('plan_items'))
    .$if(can(role, 'liaison_note', 'read'), (qb) => qb.select(unreadNoteCountQuery(db, scope).as('unread_notes')))
    .$if(can(role, 'service', 'update') && !scope.everything, (qb) =>
      qb.select(
        db
          .selectFrom('service as s')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where(actorIdInSet(scope.actors.update, 's.actor_id'))
          .where((eb) => eb.or([eb('s.confirmed_at', 'is', null), eb('s.confirmed_at', '<=', addDays(today, -SERVICE_CONFIRMATION_DAYS))]))
          .as('services_to_confirm'),
      ),
    )
    // Libraries answer surveys; no other role is asked one.
    .$if(role === 'library_editor', (qb) =>
      qb.select(
        jsonArrayFrom(
          db
            .selectFrom('survey_recipient as r')
            .innerJoin('survey as s', 's.id', 'r.survey_id')
            .select(['s.id', 's.name', 's.deadline'])
            .where('r.actor_id', '=', organisationId)
            .where('r.answered_at', 'is', null)
            .where('s.status', '=', 'open')
            .orderBy('s.deadline')
            .orderBy('s.id'),
        ).as('surveys'),
      ),
    )
    .$if(can(role, 'catchment_request', 'transition'), (qb) =>
      qb.select(
        jsonArrayFrom(
          db
            .selectFrom('catchment_request as c')
            .innerJoin('actor as a', 'a.id', 'c.study_centre_id')
            .select(['c.id', 'a.name'])
            .where('c.status', '=', 'pending')
            .orderBy('c.created_at')
            .orderBy('c.id'),
        ).as('catchment_requests'),
      ),
    )
    .executeTakeFirstOrThrow();
  const unreadNotes = Number(row.unread_notes ?? 0);
  const servicesToConfirm = Number(row.services_to_confirm ?? 0);
  return [
    ...(unreadNotes > 0 ? [item({ kind: 'unread_notes', title: '', count: unreadNotes })] : []),
    ...row.plan_items.map((r) => item({ kind: 'plan_item_due', recordId: planOpensInitiative ? r.initiative_id : r.id, title: r.title, dueDate: r.due_date, overdue: planItemOverdue(r.due_date, r.status, today) })),
    ...(servicesToConfirm > 0 ? [item({ kind: 'services_to_confirm', title: '', count: servicesToConfirm })] : []),
    ...(row.surveys ?? []).map((r) => item({ kind: 'survey_to_answer', recordId: r.id, title: r.name, dueDate: r.deadline })),
    ...(row.catchment_requests ?? []).map((r) => item({ kind: 'catchment_request', recordId: r.id, title: r.name })),
  ];
}

/** How many things wait: the badge's number (a count of notes or services counts as that many). */
export const inboxTotal = (items: readonly InboxItem[]): number => items.reduce((n, i) => n + i.count, 0);
