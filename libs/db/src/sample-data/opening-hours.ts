import type { Kysely } from 'kysely';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { sampleId } from './sample-id';

// Opening hours of a few libraries (issue 14), invented but typical: a city library staffed on
// weekdays and Saturdays with self-service ("meråpent") every day; a branch staffed two
// afternoons a week with self-service on weekdays, closed all summer; a rural library staffed on Saturdays. Namsos bibliotek enters its own in the portal.

type Day = 'mo' | 'tu' | 'we' | 'th' | 'fr' | 'sa' | 'su';
const every = (days: Day[], kind: 'staffed' | 'self_service', from: string, to: string) => days.map((weekday) => ({ weekday, kind, from, to }));
const workdays: Day[] = ['mo', 'tu', 'we', 'th', 'fr'];
const allDays: Day[] = [...workdays, 'sa', 'su'];

export const sampleOpeningHours = [
  {
    actor: mainLibraryKey('5001'),
    weekly: [...every(workdays, 'staffed', '09:00', '19:00'), ...every(['sa'], 'staffed', '10:00', '16:00'), ...every(allDays, 'self_service', '07:00', '23:00')],
    seasons: [{ name: 'Sommertid', from: '2027-06-21', to: '2027-08-15', weekly: [...every(workdays, 'staffed', '10:00', '16:00'), ...every(allDays, 'self_service', '07:00', '23:00')] }],
    exceptions: [{ date: '2027-12-24', periods: [{ kind: 'staffed', from: '10:00', to: '13:00' }], note: 'Julaften' }],
  },
  {
    // Grong bibliotek, staffed on Saturdays too: the finder's "study places open on Saturday in Namdal" (issue 15).
    actor: mainLibraryKey('5045'),
    weekly: [...every(workdays, 'staffed', '10:00', '16:00'), ...every(['sa'], 'staffed', '11:00', '15:00'), ...every(allDays, 'self_service', '07:00', '22:00')],
    seasons: [],
    exceptions: [],
  },
  {
    // Its "Meråpent" service needs self-service hours in the timetable: 48 hours outside the staffed ones,
    // none on Saturday (the finder's "open on Saturday" leaves it out).
    actor: 'branch-namdalseid',
    weekly: [...every(['tu', 'th'], 'staffed', '12:00', '18:00'), ...every(workdays, 'self_service', '08:00', '20:00')],
    seasons: [{ name: 'Stengt i sommer', from: '2027-06-14', to: '2027-08-15', weekly: [] }],
    exceptions: [],
  },
];

/** Inserts the sample opening hours that are not there (a library's own edits are kept). */
export async function loadSampleOpeningHours(db: Kysely<Database>): Promise<number> {
  const inserted = await db
    .insertInto('opening_hours')
    .values(
      sampleOpeningHours.map((hours) => ({
        id: sampleId('actor', hours.actor),
        weekly: JSON.stringify(hours.weekly),
        seasons: JSON.stringify(hours.seasons),
        exceptions: JSON.stringify(hours.exceptions),
      })),
    )
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}
