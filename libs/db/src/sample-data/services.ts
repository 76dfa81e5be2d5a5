import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDays, defaultServiceConditions, openingHoursInputSchema, serviceWeeklyHours, todayInNorway, type Audience, type ServiceConditions, type ServiceType } from '@kompetansebro/domain';
import type { Database } from '../database';
import { mainLibraryKey, sampleActors } from './actors';
import { sampleMunicipalities } from './municipalities';
import { sampleOpeningHours } from './opening-hours';
import { sampleId } from './sample-id';
import { auditSampleLoad, insertNewSampleRows } from './sample-rows';
import { SAMPLE_SURVEY_RESPONDENT, sampleSurveyAnswers } from './surveys';

/**
 * Sample services. Which library offers what is invented — the county is still collecting it
 * (seed 000) — so every row is marked sample_data and says "Eksempeldata". The mix varies per
 * municipality, deterministically, so not every library looks alike.
 *
 * Ids are stable: sampleId('service', `${actorKey}:${type}`), one service per type per actor,
 * so the sample agreements can commit services by id.
 */
interface SampleService {
  actorKey: string;
  type: ServiceType;
  audiences: Audience[];
  description: string;
  conditions?: Partial<ServiceConditions>;
  weeklyHours?: number;
  /** Confirmed this many days before the sample data is loaded (none: never confirmed). */
  confirmedDaysAgo?: number;
  confirmedBy?: string;
}

function sampleServiceKey(actorKey: string, type: ServiceType): string {
  return `${actorKey}:${type}`;
}

const NOTE = 'Eksempeldata';

/** A number 0–99 fixed by the municipality and what is asked: the same on every load. */
function roll(municipality: string, what: string): number {
  return parseInt(createHash('sha1').update(`${municipality}:${what}`).digest('hex').slice(0, 8), 16) % 100;
}

/** Fixed answers where the sample story needs them (e.g. agreements that commit these services). */
const overrides: Record<string, Partial<Record<ServiceType, boolean>>> = {
  // Grong commits study places and exam invigilation in the Namdal agreement.
  '5045': { study_places: true, exam_invigilation: true, self_service_hours: true },
  '5007': { exam_invigilation: true, university_loan_pickup: true, group_rooms: true, self_service_hours: true },
  '5047': { exam_invigilation: false, university_loan_pickup: true },
  '5060': { exam_invigilation: true, university_loan_pickup: false },
  '5001': { exam_invigilation: true, university_loan_pickup: true, group_rooms: true, self_service_hours: true, video_meeting_room: true },
};

/** How likely (in %) a main library offers each optional service. */
const chances: Partial<Record<ServiceType, number>> = {
  group_rooms: 45,
  exam_invigilation: 40,
  university_loan_pickup: 70,
  printing_scanning: 90,
  video_meeting_room: 25,
  self_service_hours: 55,
};

function offers(municipality: string, type: ServiceType): boolean {
  const fixed = overrides[municipality]?.[type];
  if (fixed !== undefined) return fixed;
  const chance = chances[type];
  return chance === undefined || roll(municipality, type) < chance;
}

/** A library that has answered the sample survey confirmed its services the day it answered, as an answer does. */
function surveyConfirmation(actorKey: string): Pick<SampleService, 'confirmedDaysAgo' | 'confirmedBy'> | undefined {
  const answer = sampleSurveyAnswers.find((a) => a.actorKey === actorKey);
  return answer && { confirmedDaysAgo: answer.daysAgo, confirmedBy: SAMPLE_SURVEY_RESPONDENT };
}

/**
 * About half the main libraries had their services confirmed in the county library's mapping this
 * autumn: 2 to 4 months before the sample data is loaded, so their commitments hold (confirmed
 * within 12 months) whenever the demo starts, and the others show what a library yet to confirm
 * looks like. Which libraries, and how long ago, is fixed (the roll); only the dates follow the day
 * of loading. Those that have answered the sample survey since confirmed them again when they did.
 */
function confirmation(municipality: string): Pick<SampleService, 'confirmedDaysAgo' | 'confirmedBy'> {
  const answered = surveyConfirmation(mainLibraryKey(municipality));
  if (answered) return answered;
  if (roll(municipality, 'confirmed') >= 55) return {};
  return { confirmedDaysAgo: 60 + (roll(municipality, 'day') % 60), confirmedBy: `Kartlegging fra fylkesbiblioteket (${NOTE.toLowerCase()})` };
}

function mainLibraryServices(municipality: string): SampleService[] {
  const actorKey = mainLibraryKey(municipality);
  const name = sampleActors.find((a) => a.key === actorKey)?.name ?? 'biblioteket';
  const selfService = offers(municipality, 'self_service_hours');
  const staffedHours = municipality === '5001' ? 50 : 15 + (roll(municipality, 'staffed') % 25);
  const selfServiceHours = 40 + (roll(municipality, 'self-service') % 50);
  const places = 4 + (roll(municipality, 'places') % 20);
  const confirmed = confirmation(municipality);

  const candidates: SampleService[] = [
    {
      actorKey,
      type: 'staffed_hours',
      audiences: ['public', 'students'],
      description: `Betjent åpningstid i ${name}. ${NOTE}: timetallet er oppdiktet.`,
      weeklyHours: staffedHours,
      conditions: { hours: 'staffed' },
    },
    {
      actorKey,
      type: 'self_service_hours',
      audiences: ['public', 'students'],
      description: `Meråpent bibliotek: selvbetjent tilgang med lånekort og PIN utenom betjent tid. ${NOTE}.`,
      weeklyHours: selfServiceHours,
      conditions: { ageLimit: 18, contractRequired: true, hours: 'self_service', note: 'Avtale om meråpent signeres ved første besøk.' },
    },
    {
      actorKey,
      type: 'study_places',
      audiences: ['students'],
      description: `Lesesal og arbeidsplasser for studenter. ${NOTE}: antall plasser er oppdiktet.`,
      conditions: { capacity: places, hours: selfService ? 'staffed_and_self_service' : 'staffed' },
    },
    {
      actorKey,
      type: 'group_rooms',
      audiences: ['students', 'public'],
      description: `Grupperom som kan bookes. ${NOTE}.`,
      conditions: { capacity: 6, bookingLeadTimeDays: 1, hours: selfService ? 'staffed_and_self_service' : 'staffed' },
    },
    {
      actorKey,
      type: 'exam_invigilation',
      audiences: ['students'],
      description: `Eksamensvakt for digital hjemmeeksamen, etter avtale med studiestedet. ${NOTE}.`,
      conditions: { bookingLeadTimeDays: 21, capacity: 4, hours: 'by_appointment', note: 'Avtales med studiestedet og studiesenteret.' },
    },
    {
      actorKey,
      type: 'interlibrary_loan',
      audiences: ['students', 'public'],
      description: `Fjernlån fra andre bibliotek, også fra universitetsbibliotekene. ${NOTE}.`,
      conditions: { hours: 'staffed' },
    },
    {
      actorKey,
      type: 'university_loan_pickup',
      audiences: ['students'],
      description: `Henting og innlevering av lån fra NTNU UB og Nord universitetsbibliotek. ${NOTE}.`,
      conditions: { hours: selfService ? 'staffed_and_self_service' : 'staffed' },
    },
    {
      actorKey,
      type: 'printing_scanning',
      audiences: ['students', 'public'],
      description: `Utskrift, kopiering og skanning. ${NOTE}.`,
      conditions: { hours: 'staffed', note: 'Utskrift mot betaling.' },
    },
    {
      actorKey,
      type: 'video_meeting_room',
      audiences: ['students', 'public'],
      description: `Rom med utstyr for videomøter og digital undervisning. ${NOTE}.`,
      conditions: { capacity: 4, bookingLeadTimeDays: 2, hours: 'by_appointment' },
    },
  ];
  return candidates.filter((s) => offers(municipality, s.type)).map((s) => ({ ...s, ...confirmed }));
}

const branchKeys = [
  'branch-heimdal',
  'branch-moholt',
  'branch-risvollan',
  'branch-saupstad',
  'branch-byasen',
  'branch-meldal',
  'branch-namdalseid',
  'branch-rorvik',
];

function branchServices(actorKey: string): SampleService[] {
  const services: SampleService[] = [
    {
      actorKey,
      type: 'staffed_hours',
      audiences: ['public', 'students'],
      description: `Betjent åpningstid på filialen. ${NOTE}: timetallet er oppdiktet.`,
      weeklyHours: 10 + (roll(actorKey, 'staffed') % 15),
      conditions: { hours: 'staffed' },
    },
    {
      actorKey,
      type: 'study_places',
      audiences: ['students'],
      description: `Noen arbeidsplasser for studenter. ${NOTE}.`,
      conditions: { capacity: 2 + (roll(actorKey, 'places') % 8), hours: 'staffed' },
    },
  ];
  if (roll(actorKey, 'self_service_hours') < 50) {
    services.push({
      actorKey,
      type: 'self_service_hours',
      audiences: ['public', 'students'],
      description: `Meråpent på filialen. ${NOTE}.`,
      weeklyHours: 30 + (roll(actorKey, 'self-service') % 40),
      conditions: { ageLimit: 18, contractRequired: true, hours: 'self_service' },
    });
  }
  const confirmed = surveyConfirmation(actorKey);
  return confirmed ? services.map((s) => ({ ...s, ...confirmed })) : services;
}

const studyCentreKeys = ['study-centre-namdal', 'study-centre-fosen', 'study-centre-trondelag-sor', 'study-centre-trondelag-sorvest'];

function studyCentreServices(actorKey: string): SampleService[] {
  return [
    {
      actorKey,
      type: 'study_places',
      audiences: ['students'],
      description: `Studieplasser for studenter på desentraliserte studier. ${NOTE}.`,
      conditions: { capacity: 20, hours: 'staffed_and_self_service', contractRequired: true },
    },
    {
      actorKey,
      type: 'video_meeting_room',
      audiences: ['students'],
      description: `Rom for videoforelesninger og digitale samlinger. ${NOTE}.`,
      conditions: { capacity: 30, bookingLeadTimeDays: 7, hours: 'by_appointment' },
    },
    {
      actorKey,
      type: 'exam_invigilation',
      audiences: ['students'],
      description: `Tilrettelegging og vakt ved eksamen for studenter i regionen. ${NOTE}.`,
      conditions: { bookingLeadTimeDays: 30, hours: 'by_appointment' },
    },
    {
      actorKey,
      type: 'guidance_courses',
      audiences: ['students', 'public'],
      description: `Veiledning om studietilbud og søknad. ${NOTE}.`,
      conditions: { hours: 'by_appointment' },
    },
    {
      actorKey,
      type: 'office_places',
      audiences: ['students', 'public'],
      description: `Kontorplasser for fjernarbeid og studier. ${NOTE}.`,
      conditions: { capacity: 6, contractRequired: true, hours: 'staffed_and_self_service' },
    },
  ];
}

const otherServices: SampleService[] = [
  {
    actorKey: 'career-centre',
    type: 'career_guidance',
    audiences: ['public', 'students', 'apprentices'],
    description: `Gratis karriereveiledning for voksne, også digitalt og på biblioteket. ${NOTE}: omfanget er oppdiktet.`,
    conditions: { ageLimit: 19, hours: 'by_appointment', bookingLeadTimeDays: 7 },
  },
  {
    actorKey: 'ntnu-library',
    type: 'interlibrary_loan',
    audiences: ['students'],
    description: `Fjernlån til folkebibliotek for NTNU-studenter som studerer fra hjemstedet. ${NOTE}.`,
    conditions: { hours: 'staffed' },
  },
  {
    actorKey: 'ntnu-library',
    type: 'guidance_courses',
    audiences: ['students'],
    description: `Kurs i informasjonssøk og kildebruk, også digitalt. ${NOTE}.`,
    conditions: { hours: 'by_appointment' },
  },
  {
    actorKey: 'nord-library',
    type: 'interlibrary_loan',
    audiences: ['students'],
    description: `Fjernlån til folkebibliotek for studenter ved Nord universitet. ${NOTE}.`,
    conditions: { hours: 'staffed' },
  },
  {
    actorKey: 'nord-library',
    type: 'guidance_courses',
    audiences: ['students'],
    description: `Veiledning i informasjonssøk for studenter i Namdal og Innherred. ${NOTE}.`,
    conditions: { hours: 'by_appointment' },
  },
];

const timetables = new Map(sampleOpeningHours.map(({ actor, ...hours }) => [actor, openingHoursInputSchema.parse(hours)]));

/** Where a library has sample opening hours, its "hours a week" are theirs, as a save of the hours makes them. */
const withTimetableHours = (service: SampleService): SampleService => {
  const weeklyHours = serviceWeeklyHours(service.type, service.weeklyHours ?? null, timetables.get(service.actorKey) ?? null);
  return weeklyHours === null ? service : { ...service, weeklyHours };
};

const sampleServices: readonly SampleService[] = [
  ...sampleMunicipalities.flatMap((m) => mainLibraryServices(m.number)),
  ...branchKeys.flatMap(branchServices),
  ...studyCentreKeys.flatMap(studyCentreServices),
  ...otherServices,
].map(withTimetableHours);

/** Loads the sample services; returns how many rows it added (0 when they exist already). */
export async function loadSampleServices(trx: Transaction<Database>): Promise<number> {
  const today = todayInNorway();
  const added = await insertNewSampleRows(trx, 'service', sampleServices, (s) => ({
    id: sampleId('service', sampleServiceKey(s.actorKey, s.type)),
    actor_id: sampleId('actor', s.actorKey),
    type: s.type,
    audiences: JSON.stringify(s.audiences),
    description: s.description,
    conditions: JSON.stringify({ ...defaultServiceConditions, ...s.conditions }),
    weekly_hours: s.weeklyHours ?? null,
    confirmed_at: s.confirmedDaysAgo === undefined ? null : addDays(today, -s.confirmedDaysAgo),
    confirmed_by: s.confirmedBy ?? null,
    sample_data: true,
  }));
  await auditSampleLoad(trx, 'service', { services: added.size });
  return added.size;
}
