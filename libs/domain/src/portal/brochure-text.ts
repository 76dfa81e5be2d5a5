import type { ServiceHours, ServiceType } from '../service/service.schema';
import type { BrochureLanguage } from './portal.schema';

/**
 * The words of the students' brochure, in its three languages. They live here, not in the
 * apps' catalogues, because the server's PDF and the portal's printable page must say the same
 * thing in the language chosen for the brochure (which need not be the reader's own).
 */
interface BrochureText {
  title: (area: string) => string;
  and: string;
  intro: (centre: string) => string;
  municipality: string;
  branchOf: (main: string) => string;
  noLibraries: string;
  noServices: string;
  contact: string;
  address: string;
  email: string;
  phone: string;
  website: string;
  hoursPerWeek: (hours: string) => string;
  contractRequired: string;
  ageLimit: (age: number) => string;
  bookingLeadTime: (days: number) => string;
  capacity: (count: number) => string;
  confirmed: (date: string) => string;
  generated: (date: string) => string;
  footer: (centre: string) => string;
  serviceType: Record<ServiceType, string>;
  hours: Record<ServiceHours, string>;
}

export const brochureText: Record<BrochureLanguage, BrochureText> = {
  nb: {
    title: (area) => `Bibliotektjenester for studenter i ${area}`,
    and: 'og',
    intro: (centre) =>
      `Studerer du desentralisert eller på nett? Folkebibliotekene der du bor gir deg studieplass, hjelp og lån. Her er tjenestene for studenter i nedslagsfeltet til ${centre}, kommune for kommune.`,
    municipality: 'Kommune',
    branchOf: (main) => `Filial av ${main}`,
    noLibraries: 'Ingen bibliotek registrert.',
    noServices: 'Ingen tjenester for studenter registrert ennå. Kontakt biblioteket.',
    contact: 'Kontakt',
    address: 'Adresse',
    email: 'E-post',
    phone: 'Telefon',
    website: 'Nettsted',
    hoursPerWeek: (hours) => `${hours} timer i uka`,
    contractRequired: 'krever avtale med biblioteket',
    ageLimit: (age) => `aldersgrense ${age} år`,
    bookingLeadTime: (days) => (days === 1 ? 'bestill dagen før' : `bestill ${days} dager før`),
    capacity: (count) => (count === 1 ? '1 plass' : `${count} plasser`),
    confirmed: (date) => `bekreftet ${date}`,
    generated: (date) => `Laget ${date} fra tjenesteregisteret i Kompetansebro.`,
    footer: (centre) => `${centre} i samarbeid med folkebibliotekene og Trøndelag fylkesbibliotek`,
    serviceType: {
      study_places: 'Lesesalsplasser',
      group_rooms: 'Grupperom',
      exam_invigilation: 'Eksamensvakt',
      interlibrary_loan: 'Fjernlån',
      university_loan_pickup: 'Henting av lån fra universitetsbiblioteket',
      printing_scanning: 'Utskrift og skanning',
      video_meeting_room: 'Rom for videomøter',
      staffed_hours: 'Betjent åpningstid',
      self_service_hours: 'Meråpent',
      guidance_courses: 'Veiledning og kurs',
      career_guidance: 'Karriereveiledning',
      office_places: 'Kontorplasser',
    },
    hours: {
      staffed: 'i betjent åpningstid',
      self_service: 'i meråpen tid',
      staffed_and_self_service: 'i betjent og meråpen tid',
      by_appointment: 'etter avtale',
    },
  },
  nn: {
    title: (area) => `Bibliotektenester for studentar i ${area}`,
    and: 'og',
    intro: (centre) =>
      `Studerer du desentralisert eller på nett? Folkebiblioteka der du bur gir deg studieplass, hjelp og lån. Her er tenestene for studentar i nedslagsfeltet til ${centre}, kommune for kommune.`,
    municipality: 'Kommune',
    branchOf: (main) => `Filial av ${main}`,
    noLibraries: 'Ingen bibliotek registrert.',
    noServices: 'Ingen tenester for studentar registrerte enno. Kontakt biblioteket.',
    contact: 'Kontakt',
    address: 'Adresse',
    email: 'E-post',
    phone: 'Telefon',
    website: 'Nettstad',
    hoursPerWeek: (hours) => `${hours} timar i veka`,
    contractRequired: 'krev avtale med biblioteket',
    ageLimit: (age) => `aldersgrense ${age} år`,
    bookingLeadTime: (days) => (days === 1 ? 'bestill dagen før' : `bestill ${days} dagar før`),
    capacity: (count) => (count === 1 ? '1 plass' : `${count} plassar`),
    confirmed: (date) => `stadfesta ${date}`,
    generated: (date) => `Laga ${date} frå tenesteregisteret i Kompetansebro.`,
    footer: (centre) => `${centre} i samarbeid med folkebiblioteka og Trøndelag fylkesbibliotek`,
    serviceType: {
      study_places: 'Lesesalsplassar',
      group_rooms: 'Grupperom',
      exam_invigilation: 'Eksamensvakt',
      interlibrary_loan: 'Fjernlån',
      university_loan_pickup: 'Henting av lån frå universitetsbiblioteket',
      printing_scanning: 'Utskrift og skanning',
      video_meeting_room: 'Rom for videomøte',
      staffed_hours: 'Betent opningstid',
      self_service_hours: 'Meirope',
      guidance_courses: 'Rettleiing og kurs',
      career_guidance: 'Karriererettleiing',
      office_places: 'Kontorplassar',
    },
    hours: {
      staffed: 'i betent opningstid',
      self_service: 'i meirope tid',
      staffed_and_self_service: 'i betent og meirope tid',
      by_appointment: 'etter avtale',
    },
  },
  en: {
    title: (area) => `Library services for students in ${area}`,
    and: 'and',
    intro: (centre) =>
      `Studying away from campus or online? The public libraries where you live give you a place to study, help and loans. These are the services for students in the catchment area of ${centre}, municipality by municipality.`,
    municipality: 'Municipality',
    branchOf: (main) => `Branch of ${main}`,
    noLibraries: 'No library registered.',
    noServices: 'No services for students registered yet. Contact the library.',
    contact: 'Contact',
    address: 'Address',
    email: 'E-mail',
    phone: 'Phone',
    website: 'Website',
    hoursPerWeek: (hours) => `${hours} hours a week`,
    contractRequired: 'requires an agreement with the library',
    ageLimit: (age) => `age limit ${age}`,
    bookingLeadTime: (days) => (days === 1 ? 'book the day before' : `book ${days} days ahead`),
    capacity: (count) => (count === 1 ? '1 place' : `${count} places`),
    confirmed: (date) => `confirmed ${date}`,
    generated: (date) => `Made ${date} from the service register in Kompetansebro.`,
    footer: (centre) => `${centre} with the public libraries and Trøndelag county library`,
    serviceType: {
      study_places: 'Study places',
      group_rooms: 'Group rooms',
      exam_invigilation: 'Exam invigilation',
      interlibrary_loan: 'Interlibrary loan',
      university_loan_pickup: 'Pick-up of university library loans',
      printing_scanning: 'Printing and scanning',
      video_meeting_room: 'Video meeting rooms',
      staffed_hours: 'Staffed opening hours',
      self_service_hours: 'Self-service opening hours',
      guidance_courses: 'Guidance and courses',
      career_guidance: 'Career guidance',
      office_places: 'Office places',
    },
    hours: {
      staffed: 'in staffed hours',
      self_service: 'in self-service hours',
      staffed_and_self_service: 'in staffed and self-service hours',
      by_appointment: 'by appointment',
    },
  },
};

/** A date `YYYY-MM-DD…` as `dd.mm.yyyy` (nb, nn) or `dd/mm/yyyy` (en). */
export function brochureDate(iso: string, language: BrochureLanguage): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return language === 'en' ? `${d}/${m}/${y}` : `${d}.${m}.${y}`;
}

function decimal(value: number, language: BrochureLanguage): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return language === 'en' ? text : text.replace('.', ',');
}

/**
 * One service as a line of the brochure: what, when, on what conditions in the brochure's
 * language, e.g. "Lesesalsplasser: i meråpen tid, 40 plasser, 60 timer i uka", and the library's
 * own texts, kept in bokmål ("Stille lesesal"), apart to be marked so. The same for PDF and print.
 */
export function brochureServiceLine(
  service: { type: ServiceType; description: string | null; weeklyHours: number | null; conditions: { hours: ServiceHours | null; capacity: number | null; contractRequired: boolean; ageLimit: number | null; bookingLeadTimeDays: number | null; note: string | null } },
  language: BrochureLanguage,
): { label: string; details: string; notes: string[] } {
  const text = brochureText[language];
  const c = service.conditions;
  const parts: string[] = [];
  // Opening hours are their own kind of service: "Meråpent: i meråpen tid" would say it twice.
  if (c.hours && service.type !== 'staffed_hours' && service.type !== 'self_service_hours') parts.push(text.hours[c.hours]);
  if (service.weeklyHours !== null) parts.push(text.hoursPerWeek(decimal(service.weeklyHours, language)));
  if (c.capacity !== null) parts.push(text.capacity(c.capacity));
  if (c.ageLimit !== null) parts.push(text.ageLimit(c.ageLimit));
  if (c.bookingLeadTimeDays !== null) parts.push(text.bookingLeadTime(c.bookingLeadTimeDays));
  if (c.contractRequired) parts.push(text.contractRequired);
  const notes = [service.description, c.note].filter((n): n is string => Boolean(n));
  return { label: text.serviceType[service.type], details: parts.join(', '), notes };
}

