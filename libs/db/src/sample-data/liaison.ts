import type { Transaction } from 'kysely';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { insertSampleParticipants } from './activities';
import { sampleId } from './sample-id';
import { insertNewSampleRows } from './sample-rows';

// Coming activities for the university-library liaison's experience exchange (issue 8): the
// seed plans "lasting cooperation channels" with Nord universitet and NTNU, and a follow-up of
// the interlibrary-loan webinar of 3 February 2026. Titles and dates are invented (sample_data).

const NOTE = 'Eksempeldata: tittel og dato er oppdiktet.';

const comingActivities = [
  {
    key: 'webinar-interlibrary-loan-2027',
    kind: 'webinar',
    title: 'Fjernlån og henting av universitetslån – oppfølgingswebinar',
    description: `Oppfølging av erfaringsutvekslingen om fjernlån 3. februar 2026, for folkebibliotek og universitetsbibliotek. ${NOTE}`,
    startDate: '2027-02-02',
    organiser: 'county-library',
    topics: ['fjernlån', 'erfaringsutveksling'],
    participants: [mainLibraryKey('5001'), mainLibraryKey('5007')],
  },
  {
    key: 'meeting-namdal-university-2027',
    kind: 'meeting',
    title: 'Samarbeidsmøte: Nord universitet i Namsos og folkebibliotekene i Namdal',
    description: `Varig samarbeidskanal mellom universitetsbiblioteket og folkebibliotekene i Namdal. ${NOTE}`,
    startDate: '2027-03-10',
    organiser: 'county-library',
    topics: ['samarbeid', 'studenter'],
    participants: [mainLibraryKey('5007')],
  },
] as const;

/** Loads the coming activities; returns how many rows it added (0 when they exist already). */
export async function loadSampleLiaisonData(trx: Transaction<Database>): Promise<number> {
  const added = await insertNewSampleRows(trx, 'activity', comingActivities, (a) => ({
    id: sampleId('activity', a.key),
    kind: a.kind,
    title: a.title,
    description: a.description,
    start_date: a.startDate,
    organiser_id: sampleId('actor', a.organiser),
    topics: JSON.stringify(a.topics),
    sample_data: true,
  }));
  // Head counts are not known before an activity has taken place.
  const withParticipants = comingActivities.map((a) => ({ key: a.key, participants: a.participants.map((actor) => ({ actor, headCount: null })) }));
  await insertSampleParticipants(trx, withParticipants, added);
  return added.size;
}
