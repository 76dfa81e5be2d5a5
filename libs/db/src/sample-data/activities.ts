import type { Transaction } from 'kysely';
import type { ActivityKind, ActivityLink } from '@kompetansebro/domain';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { sampleMunicipalities } from './municipalities';
import { sampleId } from './sample-id';
import { auditSampleLoad, insertNewSampleRows } from './sample-rows';

// The project's activities from seed 000 ("Regionale kompetanseaktører og folkebibliotekenes
// rolle"). What the seed says happened is kept as it says; what it leaves out (titles and dates
// of the 12 webinars, head counts, the brochure's date) is invented, flagged sample_data and
// said in the description ("Eksempeldata: …").

interface SampleParticipant {
  actor: string;
  headCount: number | null;
}

interface SampleActivity {
  key: string;
  kind: ActivityKind;
  title: string;
  description: string;
  startDate: string;
  endDate?: string;
  /** "HH:MM", time in Norway. */
  startTime?: string;
  endTime?: string;
  place?: string;
  onlineUrl?: string;
  organiser: string;
  topics: string[];
  outcome?: string;
  links?: ActivityLink[];
  participants: SampleParticipant[];
  sampleData: boolean;
}

const library = (municipalityNumber: string) => mainLibraryKey(municipalityNumber);

/** An invented link to join the sample webinars online (sample data, like their dates). */
const SAMPLE_MEETING_URL = 'https://www.trondelagfylke.no/';

const WEBINAR_NOTE =
  'Eksempeldata: tittel, dato, klokkeslett, møtelenke og antall deltakere er oppdiktet. Prosjektet gjennomførte 12 ulike webinarer for bibliotekansatte fra høsten 2023 til sommeren 2025.';

/** The 12 webinars for library staff, autumn 2023 – summer 2025: three in each half year. */
const webinarPlan: Array<[date: string, title: string, topics: string[], libraries: Array<[string, number]>]> = [
  ['2023-09-14', 'Hva trenger studenter fra folkebiblioteket?', ['tjenester til studenter'], [['5001', 6], ['5007', 3], ['5006', 2], ['5037', 2]]],
  ['2023-10-19', 'Fjernlån fra universitetsbibliotekene – slik fungerer det', ['fjernlån'], [['5001', 4], ['5035', 2], ['5059', 3], ['5021', 1]]],
  ['2023-11-23', 'Eksamensavvikling og lesesal i folkebiblioteket', ['eksamen', 'studieplasser'], [['5007', 2], ['5025', 2], ['5054', 2]]],
  ['2024-01-25', 'Studiesentrene i Trøndelag – hvem er de og hva gjør de?', ['studiesentre'], [['5001', 5], ['5038', 2], ['5060', 1], ['5027', 2]]],
  ['2024-03-14', 'Meråpent bibliotek som studieplass', ['meråpent', 'studieplasser'], [['5006', 3], ['5045', 1], ['5056', 2]]],
  ['2024-05-23', 'Karriereveiledning og folkebiblioteket', ['karriereveiledning'], [['5001', 3], ['5037', 2], ['5057', 1], ['5029', 1]]],
  ['2024-09-19', 'Informasjonskompetanse for voksne studenter', ['informasjonskompetanse'], [['5035', 3], ['5007', 2], ['5022', 1]]],
  ['2024-10-24', 'Videomøterom og digitale verktøy for fjernstudenter', ['digitale tjenester'], [['5001', 4], ['5053', 2], ['5014', 1], ['5047', 1]]],
  ['2024-11-21', 'Samarbeid med Nord universitet og NTNU om fjernstudenter', ['universitetssamarbeid'], [['5006', 2], ['5059', 3], ['5058', 1]]],
  ['2025-02-13', 'Markedsføring av bibliotekets tjenester til studenter', ['markedsføring'], [['5001', 5], ['5007', 2], ['5038', 2], ['5054', 1]]],
  ['2025-04-10', 'Livslang læring og bibliotekets rolle i kompetansereformen', ['livslang læring'], [['5037', 3], ['5028', 2], ['5061', 1]]],
  ['2025-06-05', 'Erfaringer fra to prosjektår og veien videre', ['prosjektet'], [['5001', 6], ['5006', 3], ['5007', 3], ['5035', 2], ['5059', 2]]],
];

export const sampleWebinarKeys = webinarPlan.map((_, index) => `webinar-${String(index + 1).padStart(2, '0')}`);

const webinars: SampleActivity[] = webinarPlan.map(([date, title, topics, libraries], index) => ({
  key: sampleWebinarKeys[index] ?? `webinar-${index + 1}`,
  kind: 'webinar',
  title,
  description: `Webinar for bibliotekansatte i prosjektet «Regionale kompetanseaktører og folkebibliotekenes rolle». ${WEBINAR_NOTE}`,
  startDate: date,
  startTime: '13:00',
  endTime: '14:00',
  onlineUrl: SAMPLE_MEETING_URL,
  organiser: 'county-library',
  topics,
  participants: libraries.map(([number, headCount]) => ({ actor: library(number), headCount })),
  sampleData: true,
}));

const activities: SampleActivity[] = [
  ...webinars,
  {
    key: 'webinar-interlibrary-loan-2026',
    kind: 'webinar',
    title: 'Erfaringsutveksling om fjernlån',
    description:
      'Et større webinar med erfaringsutveksling om fjernlån, med god deltakelse fra folkebibliotek, Nord universitet og NTNU. ' +
      'Eksempeldata: hvilke folkebibliotek som deltok, antall deltakere, klokkeslett og møtelenke er oppdiktet.',
    startDate: '2026-02-03',
    startTime: '10:00',
    endTime: '11:30',
    onlineUrl: SAMPLE_MEETING_URL,
    organiser: 'county-library',
    topics: ['fjernlån', 'erfaringsutveksling'],
    outcome: 'God deltakelse fra folkebibliotek, Nord universitet og NTNU.',
    participants: [
      { actor: library('5001'), headCount: 8 },
      { actor: library('5006'), headCount: 3 },
      { actor: library('5007'), headCount: 4 },
      { actor: library('5035'), headCount: 2 },
      { actor: library('5037'), headCount: 3 },
      { actor: library('5038'), headCount: 2 },
      { actor: library('5054'), headCount: 2 },
      { actor: library('5059'), headCount: 3 },
      { actor: library('5025'), headCount: 1 },
      { actor: 'nord-library', headCount: 4 },
      { actor: 'ntnu-library', headCount: 5 },
    ],
    sampleData: true,
  },
  {
    key: 'brochure-student-services',
    kind: 'publication',
    title: 'Brosjyre: Bibliotekets tjenester til studerende',
    description:
      'Brosjyremateriell om folkebibliotekets tjenester til studerende: studieplasser, fjernlån, eksamen, veiledning. ' +
      'Eksempeldata: utgivelsesdatoen er antatt.',
    startDate: '2024-08-15',
    organiser: 'county-library',
    topics: ['tjenester til studenter', 'markedsføring'],
    participants: [],
    sampleData: true,
  },
  {
    key: 'photography-main-libraries-2025',
    kind: 'photography',
    title: 'Fotografering av alle hovedbibliotekene',
    description:
      'Alle hovedbibliotekene i Trøndelag ble fotografert høsten 2025. Noe av dette skal publiseres i KS Mediebank. ' +
      'Eksempeldata: start- og sluttdato er antatt innenfor høsten 2025, og lenken går til KS.',
    startDate: '2025-08-15',
    endDate: '2025-11-30',
    organiser: 'county-library',
    topics: ['markedsføring', 'bilder'],
    outcome: 'Bilder av alle hovedbibliotekene; et utvalg publiseres i KS Mediebank.',
    links: [{ kind: 'mediebank', label: 'KS Mediebank', url: 'https://www.ks.no/' }],
    participants: sampleMunicipalities.map((m) => ({ actor: library(m.number), headCount: null })),
    sampleData: true,
  },
];

/** Loads the sample activities; returns how many rows it added (0 when they exist already). */
export async function loadSampleActivities(trx: Transaction<Database>): Promise<number> {
  const added = await insertNewSampleRows(trx, 'activity', activities, (a) => ({
    id: sampleId('activity', a.key),
    kind: a.kind,
    title: a.title,
    description: a.description,
    start_date: a.startDate,
    end_date: a.endDate ?? null,
    start_time: a.startTime ?? null,
    end_time: a.endTime ?? null,
    place: a.place ?? null,
    online_url: a.onlineUrl ?? null,
    organiser_id: sampleId('actor', a.organiser),
    topics: JSON.stringify(a.topics),
    outcome: a.outcome ?? null,
    links: JSON.stringify(a.links ?? []),
    sample_data: a.sampleData,
  }));
  await insertSampleParticipants(trx, activities, added);
  await auditSampleLoad(trx, 'activity', { activities: added.size });
  return added.size;
}

/**
 * The participants of the sample activities added now (`added`: their ids), so a user's edits to
 * the others survive a reload.
 */
export async function insertSampleParticipants(
  trx: Transaction<Database>,
  sample: readonly { key: string; participants: readonly { actor: string; headCount: number | null }[] }[],
  added: Set<string>,
): Promise<void> {
  const participants = sample
    .filter((a) => added.has(sampleId('activity', a.key)))
    .flatMap((a) => a.participants.map((p) => ({ activity_id: sampleId('activity', a.key), actor_id: sampleId('actor', p.actor), head_count: p.headCount })));
  if (participants.length > 0) {
    await trx.insertInto('activity_participant').values(participants).onConflict((oc) => oc.doNothing()).execute();
  }
}
