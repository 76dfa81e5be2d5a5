import { sql } from 'kysely';
import type {
  surveyAnswerSchema,
  surveyCreateSchema} from '@kompetansebro/domain';
import {
  type ActorKind,
  deadlineIsOpen,
  surveyErrorCodes,
  todayInNorway,
  type IsoDate,
  type Page,
  type ServiceHours,
  type Survey,
  type SurveyDetail,
  type SurveyForm,
  type SurveyListQuery,
  type SurveyRecipient,
  type MailOut,
} from '@kompetansebro/domain';
import type { z } from 'zod';
import { formatDateLong } from '@kompetansebro/i18n';
import { publicUrlOf, type AppConfig, type Logger } from '../http/app-env';
import { ConflictError, DomainRuleError, GoneError, publicLibraryKinds, NotFoundError, StaleVersionError, fieldErrorsFromIssues, openingHoursInputSchema } from '@kompetansebro/domain';
import { saveOpeningHours } from '../opening-hours/opening-hours.repository';
import type { Mailer } from '../auth/mail';
import { hashToken, newToken } from '../auth/session';
import { libraryScope, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { iso, isoOrNull, likePattern, pageRows, type ChangeContext } from '../persistence/repository-helpers';
import { assertVersionMatches, auditedCreate, nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';
import type { JobQueue } from '../jobs/job-queue';
import { getMailOut, queueMailOut, recordMailOut } from './mail-out';
import { createService, getService, setServiceArchived, updateService } from '../services/service.repository';

/** The page of the county console that reads the token and shows the answer form (public). */
export const SURVEY_ANSWER_PATH = '/fylke/svar';

type SurveyCreateInput = z.output<typeof surveyCreateSchema>;
type SurveyAnswerInput = z.output<typeof surveyAnswerSchema>;

export interface SurveyMailDeps {
  db: Executor;
  config: AppConfig;
  mailer: Mailer;
  logger: Logger;
}

export function surveyLink(config: AppConfig, token: string): string {
  const url = new URL(`${publicUrlOf(config)}${SURVEY_ANSWER_PATH}`);
  url.searchParams.set('token', token);
  return url.href;
}

/** 3. februar 2026 — how a date reads in a Norwegian mail. */
const inProse = (date: IsoDate) => formatDateLong(date, 'nb');

export function surveyMail(kind: 'invitation' | 'reminder', survey: { name: string; deadline: IsoDate }, actorName: string, link: string): { subject: string; text: string } {
  const first =
    kind === 'invitation'
      ? `Trøndelag fylkeskommune ber ${actorName} bekrefte hvilke tjenester biblioteket tilbyr studenter og andre som tar utdanning.`
      : `Påminnelse: vi har ennå ikke fått svar fra ${actorName} på tjenesteundersøkelsen.`;
  return {
    subject: kind === 'invitation' ? `Tjenesteundersøkelse: ${survey.name}` : `Påminnelse – tjenesteundersøkelse: ${survey.name}`,
    text: [
      first,
      '',
      `Skjemaet viser tjenestene vi har registrert for dere. Rett det som er endret og send inn innen ${inProse(survey.deadline)}:`,
      link,
      '',
      'Lenken gjelder bare for dette biblioteket og krever ingen innlogging. Ikke del den med andre.',
      '',
      'Hilsen Trøndelag fylkeskommune, Kompetansebro',
    ].join('\n'),
  };
}

// ------------------------------------------------------------------------------ reading

function surveysWithCounts(db: Executor) {
  return db
    .selectFrom('survey as s')
    .select([
      's.id',
      's.name',
      's.deadline',
      's.include_branches',
      's.status',
      's.closed_at',
      's.version',
      's.created_at',
      (eb) => eb.selectFrom('survey_recipient as r').select((e) => e.fn.countAll<string>().as('n')).whereRef('r.survey_id', '=', 's.id').as('recipients'),
      (eb) =>
        eb
          .selectFrom('survey_recipient as r')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('r.survey_id', '=', 's.id')
          .where('r.answered_at', 'is not', null)
          .as('answered'),
    ]);
}

type SurveyRow = Awaited<ReturnType<ReturnType<typeof surveysWithCounts>['executeTakeFirstOrThrow']>>;

function toSurvey(row: SurveyRow): Survey {
  return {
    id: row.id,
    name: row.name,
    deadline: row.deadline,
    includeBranches: row.include_branches,
    status: row.status as Survey['status'],
    closedAt: isoOrNull(row.closed_at),
    recipients: Number(row.recipients ?? 0),
    answered: Number(row.answered ?? 0),
    version: row.version,
    createdAt: iso(row.created_at),
  };
}

export async function listSurveys(db: Executor, query: SurveyListQuery): Promise<Page<Survey>> {
  let filtered = db.selectFrom('survey');
  if (query.q) filtered = filtered.where('name', 'ilike', likePattern(query.q));
  if (query.status) filtered = filtered.where('status', '=', query.status);
  const { total } = await filtered.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const ids = await pageRows(filtered.select('id').orderBy('created_at', 'desc').orderBy('id'), query).execute();
  const rows = ids.length === 0 ? [] : await surveysWithCounts(db).where('s.id', 'in', ids.map((r) => r.id)).orderBy('s.created_at', 'desc').orderBy('s.id').execute();
  return { items: rows.map(toSurvey), total: Number(total), page: query.page, pageSize: query.pageSize };
}

export async function getSurvey(db: Executor, id: string): Promise<SurveyDetail> {
  const row = await surveysWithCounts(db).where('s.id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError('survey');
  const recipients = await db
    .selectFrom('survey_recipient as sr')
    .innerJoin('actor as a', 'a.id', 'sr.actor_id')
    .leftJoin('municipality as m', 'm.number', 'a.municipality_number')
    .leftJoin('region as g', 'g.id', 'm.region_id')
    .select(['sr.actor_id', 'a.name', 'a.kind', 'g.id as region_id', 'g.name as region_name', 'g.sort_key as region_sort', 'sr.email', 'sr.mailed_at', 'sr.reminded_at', 'sr.answered_at', 'sr.answered_by'])
    .where('sr.survey_id', '=', id)
    .orderBy(sql`a.sort_key collate "C"`)
    .execute();
  const recipientList: SurveyRecipient[] = recipients.map((r) => ({
    actorId: r.actor_id,
    actorName: r.name,
    actorKind: r.kind,
    regionId: r.region_id,
    regionName: r.region_name,
    email: r.email,
    mailedAt: isoOrNull(r.mailed_at),
    remindedAt: isoOrNull(r.reminded_at),
    answeredAt: isoOrNull(r.answered_at),
    answeredBy: r.answered_by,
  }));
  const regions = new Map<string, SurveyDetail['regions'][number] & { sort: string }>();
  for (const r of recipients) {
    const key = r.region_id ?? '';
    const entry = regions.get(key) ?? { regionId: r.region_id, regionName: r.region_name, recipients: 0, answered: 0, sort: r.region_sort ?? '\uffff' };
    entry.recipients += 1;
    if (r.answered_at) entry.answered += 1;
    regions.set(key, entry);
  }
  const regionRates = [...regions.values()].sort((a, b) => (a.sort < b.sort ? -1 : a.sort > b.sort ? 1 : 0)).map(({ sort: _sort, ...rate }) => rate);
  return { ...toSurvey(row), regions: regionRates, recipientList };
}

// ------------------------------------------------------------------------------ the campaign

/** The libraries a new campaign asks: those picked, the public libraries of the regions, and their branches if asked for. */
async function librariesFor(db: Executor, input: SurveyCreateInput): Promise<{ id: string; name: string; email: string | null }[]> {
  if (input.actorIds.length > 0) {
    const found = await db.selectFrom('actor').select(['id', 'kind']).where('id', 'in', input.actorIds).where('archived_at', 'is', null).execute();
    const libraries = new Set(found.filter((a) => (publicLibraryKinds as readonly string[]).includes(a.kind)).map((a) => a.id));
    const errors = input.actorIds.flatMap((actorId, index) =>
      libraries.has(actorId) ? [] : [{ path: `actorIds.${index}`, code: 'not_a_library', message: 'Not a library in the register' }],
    );
    if (errors.length > 0) throw new DomainRuleError(errors);
  }
  if (input.regionIds.length > 0) {
    const found = await db.selectFrom('region').select('id').where('id', 'in', input.regionIds).execute();
    const known = new Set(found.map((r) => r.id));
    const errors = input.regionIds.flatMap((regionId, index) => (known.has(regionId) ? [] : [{ path: `regionIds.${index}`, code: 'region_not_found', message: 'No region has this id' }]));
    if (errors.length > 0) throw new DomainRuleError(errors);
  }
  const kinds: ActorKind[] = input.includeBranches ? [...publicLibraryKinds] : ['public_library'];
  const rows = await db
    .selectFrom('actor as a')
    .leftJoin('municipality as m', 'm.number', 'a.municipality_number')
    .select([
      'a.id',
      'a.name',
      'a.email',
      (eb) =>
        eb
          .selectFrom('contact as c')
          .select('c.email')
          .whereRef('c.actor_id', '=', 'a.id')
          .where('c.email', 'is not', null)
          .orderBy('c.sort_key')
          .limit(1)
          .as('contact_email'),
    ])
    .where('a.archived_at', 'is', null)
    .where('a.kind', 'in', kinds)
    .where((eb) => {
      const picked = input.actorIds.length > 0 ? input.actorIds : ['00000000-0000-0000-0000-000000000000'];
      const ors = [eb('a.id', 'in', picked)];
      if (input.regionIds.length > 0) ors.push(eb.and([eb('a.kind', '=', 'public_library'), eb('m.region_id', 'in', input.regionIds)]));
      if (input.includeBranches) {
        ors.push(
          eb.and([
            eb('a.kind', '=', 'library_branch'),
            eb.or([
              eb('a.parent_id', 'in', picked),
              ...(input.regionIds.length > 0
                ? [eb.exists(eb.selectFrom('actor as p').innerJoin('municipality as pm', 'pm.number', 'p.municipality_number').select('p.id').whereRef('p.id', '=', 'a.parent_id').where('pm.region_id', 'in', input.regionIds))]
                : []),
            ]),
          ]),
        );
      }
      return eb.or(ors);
    })
    .orderBy(sql`a.sort_key collate "C"`)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email ?? r.contact_email ?? null }));
}

/** A fresh link for a recipient; only the hash is stored. */
async function issueToken(db: Executor, surveyId: string, actorId: string): Promise<string> {
  const token = newToken();
  await db.insertInto('survey_token').values({ token_hash: hashToken(token), survey_id: surveyId, actor_id: actorId }).execute();
  return token;
}

/** Mails a recipient its link (a new token) and marks when; throws when the mail fails (the mark then stays unset). */
export async function sendSurveyMail(
  deps: SurveyMailDeps,
  kind: 'invitation' | 'reminder',
  survey: { id: string; name: string; deadline: IsoDate },
  recipient: { actorId: string; actorName: string; email: string },
): Promise<void> {
  const token = await issueToken(deps.db, survey.id, recipient.actorId);
  await deps.mailer.send({ to: recipient.email, ...surveyMail(kind, survey, recipient.actorName, surveyLink(deps.config, token)) });
  await deps.db
    .updateTable('survey_recipient')
    .set(kind === 'invitation' ? { mailed_at: sql`now()` } : { reminded_at: sql`now()` })
    .where('survey_id', '=', survey.id)
    .where('actor_id', '=', recipient.actorId)
    .execute();
}

/** Starts a campaign: the survey, its recipients and its invitations' mail-out (queued, sent by a job). */
export async function createSurvey(deps: SurveyMailDeps & { jobs: JobQueue }, input: SurveyCreateInput, context: ChangeContext): Promise<SurveyDetail> {
  const libraries = await librariesFor(deps.db, input);
  if (libraries.length === 0) {
    throw new DomainRuleError([{ path: 'regionIds', code: surveyErrorCodes.noLibraries, message: 'The regions have no libraries to ask' }]);
  }
  const created = await auditedCreate(deps.db, {
    entity: 'survey',
    context,
    insert: async (trx) => {
      const { id } = await trx
        .insertInto('survey')
        .values({ name: input.name, deadline: input.deadline, include_branches: input.includeBranches, created_by: context.userId })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('survey_recipient')
        .values(libraries.map((l) => ({ survey_id: id, actor_id: l.id, email: l.email })))
        .execute();
      await recordMailOut(trx, id, 'invitation', context.userId);
      return id;
    },
    // The survey is read once its invitations are queued (below), after the commit.
    read: async (trx, id) => ({ id, mailOutId: (await trx.selectFrom('mail_out').select('id').where('survey_id', '=', id).executeTakeFirstOrThrow()).id }),
    toAudit: () => ({ ...input, recipients: libraries.map((l) => l.id) }),
  });
  await queueMailOut(deps.db, deps.jobs, created.mailOutId);
  return getSurvey(deps.db, created.id);
}

async function openSurvey(db: Executor, id: string) {
  const survey = await db.selectFrom('survey').select(['id', 'name', 'deadline', 'status']).where('id', '=', id).executeTakeFirst();
  if (!survey) throw new NotFoundError('survey');
  if (survey.status !== 'open') throw new ConflictError('The survey is closed');
  return survey;
}

/** Libraries of an open survey that have not answered and have an address. */
export async function unansweredRecipients(db: Executor, surveyId: string) {
  const rows = await db
    .selectFrom('survey_recipient as sr')
    .innerJoin('actor as a', 'a.id', 'sr.actor_id')
    .select(['sr.actor_id', 'a.name', 'sr.email'])
    .where('sr.survey_id', '=', surveyId)
    .where('sr.answered_at', 'is', null)
    .execute();
  return rows.map((r) => ({ actorId: r.actor_id, actorName: r.name, email: r.email }));
}

/** "Send reminder": a mail-out (queued) of a new link to every library that has not answered; none to those that have. */
export async function remindSurvey(deps: { db: Executor; jobs: JobQueue }, id: string, context: ChangeContext): Promise<MailOut> {
  await openSurvey(deps.db, id);
  const mailOutId = await recordMailOut(deps.db, id, 'reminder', context.userId);
  await queueMailOut(deps.db, deps.jobs, mailOutId);
  return getMailOut(deps.db, id, mailOutId);
}

/** Closes the campaign: its links stop working. */
export async function closeSurvey(db: Executor, id: string, expectedVersion: ExpectedVersion, context: ChangeContext): Promise<SurveyDetail> {
  await versionedChange(db, {
    table: 'survey',
    id,
    entity: 'survey',
    // The audit log keeps the survey's status, which is what closing changes.
    read: (trx) => trx.selectFrom('survey').select(['status']).where('id', '=', id).executeTakeFirstOrThrow(),
    expectedVersion,
    context,
    action: 'transition',
    write: async (trx, before) => {
      if (before.status !== 'open') throw new ConflictError('The survey is closed already');
      await trx.updateTable('survey').set({ status: 'closed', closed_at: sql`now()`, ...nextVersion }).where('id', '=', id).execute();
    },
  });
  return getSurvey(db, id);
}

// ------------------------------------------------------------------------------ the public form

/**
 * The recipient a token is for. 404 for a token that names nothing (and nothing about why); 410
 * for a real one of a closed survey or past its deadline.
 */
async function recipientOfToken(db: Executor, token: string, today: IsoDate) {
  const row = await db
    .selectFrom('survey_token as t')
    .innerJoin('survey_recipient as sr', (join) => join.onRef('sr.survey_id', '=', 't.survey_id').onRef('sr.actor_id', '=', 't.actor_id'))
    .innerJoin('survey as s', 's.id', 't.survey_id')
    .innerJoin('actor as a', 'a.id', 't.actor_id')
    .select(['s.id as survey_id', 's.name as survey_name', 's.deadline', 's.status', 'a.id as actor_id', 'a.name as actor_name', 'sr.answered_at'])
    .where('t.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row) throw new NotFoundError('survey link', 'This link is not valid. Use the link in the newest e-mail, or ask the county for a new one.');
  if (row.status !== 'open') throw new GoneError('The survey is closed. The county no longer takes answers to it.');
  if (!deadlineIsOpen(row.deadline, today)) throw new GoneError('The deadline of the survey has passed.');
  return row;
}

async function servicesOf(db: Executor, actorId: string) {
  return db
    .selectFrom('service')
    .select(['id', 'type', 'conditions', 'weekly_hours', 'confirmed_at', 'version'])
    .where('actor_id', '=', actorId)
    .where('archived_at', 'is', null)
    .orderBy('type')
    .execute();
}

export async function getSurveyForm(db: Executor, token: string, today: IsoDate = todayInNorway()): Promise<SurveyForm> {
  const recipient = await recipientOfToken(db, token, today);
  const services = await servicesOf(db, recipient.actor_id);
  const hours = await db.selectFrom('opening_hours').select(['weekly', 'version']).where('id', '=', recipient.actor_id).executeTakeFirst();
  return {
    openingHours: { weekly: hours?.weekly ?? [], version: hours?.version ?? 0 },
    surveyName: recipient.survey_name,
    deadline: recipient.deadline,
    actorName: recipient.actor_name,
    answeredAt: isoOrNull(recipient.answered_at),
    services: services.map((s) => {
      const conditions = (s.conditions ?? {}) as { hours?: ServiceHours | null; contractRequired?: boolean; note?: string | null };
      return {
        id: s.id,
        type: s.type,
        hours: conditions.hours ?? null,
        weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
        contractRequired: conditions.contractRequired ?? false,
        note: conditions.note ?? null,
        confirmedAt: s.confirmed_at,
        version: s.version,
      };
    }),
  };
}

/**
 * The library's answer: each service it still offers is updated and confirmed (today, by the one
 * who answered), one it no longer offers is archived, new ones are created — through the service
 * repository, under the library's own scope, each audited. A service that is not this library's
 * is refused as unknown, saying nothing about whose it is.
 */
export async function answerSurvey(db: Executor, token: string, answer: SurveyAnswerInput, today: IsoDate = todayInNorway()): Promise<SurveyForm> {
  const recipient = await recipientOfToken(db, token, today);
  const own = new Map((await servicesOf(db, recipient.actor_id)).map((s) => [s.id, s]));
  const unknown = answer.services.flatMap((s, index) =>
    own.has(s.id) ? [] : [{ path: `services.${index}.id`, code: surveyErrorCodes.unknownService, message: 'Not a service of this library' }],
  );
  if (unknown.length > 0) throw new DomainRuleError(unknown);
  const stale = answer.services.flatMap((s) => (own.get(s.id)?.version === s.version ? [] : [s.id]));
  if (stale.length > 0) {
    throw new StaleVersionError('Someone changed the services after you opened the form. Open the link again to see their changes; your answer was not saved.');
  }

  // The opening hours are checked before anything is saved: a wrong period or a stale version saves none of the answer.
  const openingHours = answer.openingHours ? await checkedOpeningHours(db, recipient.actor_id, answer.openingHours) : null;
  const scope = await libraryScope(db, recipient.actor_id);
  const change: ChangeContext = { userId: null, answeredBy: answer.answeredBy };
  for (const service of answer.services) {
    const before = await getService(db, scope, service.id);
    if (!service.offered) {
      await setServiceArchived(db, scope, service.id, true, before.version, change);
      continue;
    }
    await updateService(
      db,
      scope,
      service.id,
      {
        weeklyHours: service.weeklyHours,
        conditions: { hours: service.hours, contractRequired: service.contractRequired, note: service.note },
        confirmedAt: today,
        confirmedBy: answer.answeredBy,
      },
      before.version,
      change,
    );
  }
  for (const added of answer.newServices) {
    await createService(
      db,
      scope,
      {
        actorId: recipient.actor_id,
        type: added.type,
        audiences: ['students'],
        weeklyHours: added.weeklyHours,
        conditions: { hours: added.hours },
        confirmedAt: today,
        confirmedBy: answer.answeredBy,
      },
      change,
    );
  }
  if (openingHours) await saveOpeningHours(db, scope, recipient.actor_id, openingHours.input, openingHours.version, change);
  await db
    .updateTable('survey_recipient')
    .set({ answered_at: sql`now()`, answered_by: answer.answeredBy })
    .where('survey_id', '=', recipient.survey_id)
    .where('actor_id', '=', recipient.actor_id)
    .execute();
  return getSurveyForm(db, token, today);
}

/**
 * The weekly opening hours the library confirmed or corrected in its answer, as its whole opening
 * hours (seasons, exceptions and the holiday rule kept): 400 naming "openingHours.weekly.N.field",
 * 412 when they changed since the form was read. Saved through the opening-hours repository (the
 * services' weekly hours derived, audited as answered by the respondent).
 */
async function checkedOpeningHours(db: Executor, actorId: string, answer: NonNullable<SurveyAnswerInput['openingHours']>) {
  const stored = await db.selectFrom('opening_hours').select(['seasons', 'exceptions', 'open_on_public_holidays', 'version']).where('id', '=', actorId).executeTakeFirst();
  const parsed = openingHoursInputSchema.safeParse({ weekly: answer.weekly, seasons: stored?.seasons ?? [], exceptions: stored?.exceptions ?? [], openOnPublicHolidays: stored?.open_on_public_holidays ?? false });
  if (!parsed.success) throw new DomainRuleError(fieldErrorsFromIssues(parsed.error.issues, 'openingHours'));
  assertVersionMatches('opening hours', stored?.version ?? 0, answer.version);
  return { input: parsed.data, version: answer.version };
}

/**
 * A letter for each library of an open survey that has not answered and has no e-mail address:
 * a fresh personal link (as a mail would carry), its text as the invitation mail says it.
 * County-only resource (policy); the links are the letters' alone.
 */
export async function lettersForUnreached(deps: Pick<SurveyMailDeps, 'db' | 'config'>, id: string): Promise<{ survey: { name: string; deadline: IsoDate }; letters: { actorName: string; link: string; text: string }[] }> {
  const survey = await openSurvey(deps.db, id);
  const unreached = (await unansweredRecipients(deps.db, id)).filter((r) => !r.email);
  const letters = [];
  for (const recipient of unreached) {
    const link = surveyLink(deps.config, await issueToken(deps.db, survey.id, recipient.actorId));
    letters.push({ actorName: recipient.actorName, link, text: surveyMail('invitation', survey, recipient.actorName, link).text });
  }
  return { survey, letters };
}

/** Who a campaign with these choices would ask, and at which address (null: none — a letter, not a mail). County-only resource (policy). */
export async function previewRecipients(db: Executor, input: Pick<SurveyCreateInput, 'regionIds' | 'actorIds' | 'includeBranches'>): Promise<{ actorId: string; actorName: string; email: string | null }[]> {
  const libraries = await librariesFor(db, { ...input, name: '', deadline: todayInNorway() } as SurveyCreateInput);
  return libraries.map((l) => ({ actorId: l.id, actorName: l.name, email: l.email }));
}

// ------------------------------------------------------------------------------ the library portal

/**
 * The survey the scope's library is asked to answer now (a recipient of an open survey within its
 * deadline; the soonest deadline first), or none; never one for a scope that is no library.
 */
async function openSurveyRowOf(db: Executor, scope: Scope, today: IsoDate) {
  if (scope.role !== 'library_editor') return undefined;
  const rows = await db
    .selectFrom('survey_recipient as sr')
    .innerJoin('survey as s', 's.id', 'sr.survey_id')
    .select(['s.id', 's.name', 's.deadline', 'sr.answered_at'])
    .where('sr.actor_id', '=', scope.organisationId)
    .where('s.status', '=', 'open')
    .orderBy('s.deadline')
    .execute();
  return rows.find((row) => deadlineIsOpen(row.deadline, today));
}

/** The library portal's home: the survey open to the library, and whether it has answered (null: none open). */
export async function openSurveyOfLibrary(db: Executor, scope: Scope, today: IsoDate = todayInNorway()) {
  const row = await openSurveyRowOf(db, scope, today);
  return row ? { name: row.name, deadline: row.deadline, answeredAt: isoOrNull(row.answered_at) } : null;
}

/**
 * A fresh link to the library's answer form, for its logged-in editor: the same form, and the
 * same service records, as the mailed link. 404 when no survey is open to the library.
 */
export async function libraryAnswerLink(db: Executor, scope: Scope, today: IsoDate = todayInNorway()): Promise<{ token: string }> {
  const row = await openSurveyRowOf(db, scope, today);
  if (!row) throw new NotFoundError('open survey', 'No survey is open to your library.');
  return { token: await issueToken(db, row.id, scope.organisationId) };
}
