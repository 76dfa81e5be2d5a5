import type { Transaction } from 'kysely';
import { addDays, osloInstant, publicLibraryKinds, todayInNorway } from '@kompetansebro/domain';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { sampleId } from './sample-id';
import { auditSampleLoad, insertNewSampleRows } from './sample-rows';

// The survey seed 000 says is under way: "information is being collected from every library
// (branches too) on which services it offers students". It is sent three weeks before the sample
// data is loaded and is due two weeks after, so a new demo always finds it open, with a few
// answers in and most libraries (Namsos among them, to try answering) still to answer. Who
// answered and when is invented; the dates follow the day of loading.

const SENT_DAYS_AGO = 21;
const DEADLINE_IN_DAYS = 14;

/** What the sample respondents typed as their name: a role, so that no person is invented. */
export const SAMPLE_SURVEY_RESPONDENT = 'Biblioteksjef (eksempeldata)';

/** The libraries that have answered, and how many days before the load they did (within the survey's three weeks). */
export const sampleSurveyAnswers: ReadonlyArray<{ actorKey: string; daysAgo: number }> = [
  { actorKey: mainLibraryKey('5035'), daysAgo: 19 },
  { actorKey: mainLibraryKey('5025'), daysAgo: 16 },
  { actorKey: mainLibraryKey('5047'), daysAgo: 12 },
  { actorKey: 'branch-meldal', daysAgo: 10 },
  { actorKey: mainLibraryKey('5029'), daysAgo: 7 },
  { actorKey: mainLibraryKey('5061'), daysAgo: 4 },
  { actorKey: mainLibraryKey('5052'), daysAgo: 2 },
];

const survey = { key: 'student-services', name: 'Bibliotekenes tjenester til studenter' };

/** Loads the sample survey; returns how many surveys it added (0 when it exists already, or was erased). */
export async function loadSampleSurveys(trx: Transaction<Database>): Promise<number> {
  const today = todayInNorway();
  const id = sampleId('survey', survey.key);
  const sentAt = osloInstant(addDays(today, -SENT_DAYS_AGO), 9 * 60);
  const added = await insertNewSampleRows(trx, 'survey', [survey], (s) => ({
    id,
    name: s.name,
    deadline: addDays(today, DEADLINE_IN_DAYS),
    include_branches: true,
    created_at: sentAt,
    updated_at: sentAt,
  }));
  if (added.size === 0) return 0;

  // Every library and branch in the register, each at its address as a campaign takes it (its own,
  // else its first contact's), read from the database: a contact someone erased is not mailed.
  const libraries = await trx
    .selectFrom('actor as a')
    .select([
      'a.id',
      (eb) =>
        eb.fn
          .coalesce(
            'a.email',
            eb.selectFrom('contact as c').select('c.email').whereRef('c.actor_id', '=', 'a.id').where('c.email', 'is not', null).orderBy('c.sort_key').limit(1),
          )
          .as('email'),
    ])
    .where('a.archived_at', 'is', null)
    .where('a.kind', 'in', [...publicLibraryKinds])
    .execute();
  const answers = new Map(sampleSurveyAnswers.map((a) => [sampleId('actor', a.actorKey), osloInstant(addDays(today, -a.daysAgo), 11 * 60)]));
  await trx
    .insertInto('survey_recipient')
    .values(
      libraries.map((library) => {
        const answeredAt = answers.get(library.id) ?? null;
        return {
          survey_id: id,
          actor_id: library.id,
          email: library.email,
          // Those without an address were sent a letter (the survey's letters), which marks nothing.
          mailed_at: library.email ? sentAt : null,
          answered_at: answeredAt,
          answered_by: answeredAt ? SAMPLE_SURVEY_RESPONDENT : null,
        };
      }),
    )
    .execute();
  const withAddress = libraries.filter((library) => library.email).length;
  await trx
    .insertInto('mail_out')
    .values({
      survey_id: id,
      kind: 'invitation',
      status: 'sent',
      total: withAddress,
      sent: withAddress,
      without_address: libraries.length - withAddress,
      attempts: 1,
      created_at: sentAt,
      updated_at: sentAt,
    })
    .execute();
  await auditSampleLoad(trx, 'survey', { surveys: added.size });
  return added.size;
}
