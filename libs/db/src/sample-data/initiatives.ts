import type { Transaction } from 'kysely';
import { norwegianSortKey, type CollaborationLevel, type InitiativeKind, type MaturityLevel, type MobilityCategory, type ThematicArea } from '@kompetansebro/domain';
import type { Database } from '../database';
import { sampleWebinarKeys } from './activities';
import { sampleId } from './sample-id';
import { auditSampleLoad, insertNewSampleRows } from './sample-rows';

// The initiatives of the three seeds: the NB-funded project of the county library (seed 000),
// Universitetskommune 3.0 (seed 001) and the international action programme (IHP) with its
// three measures (seed 002). What the seeds leave out (amounts, dates of decisions, due dates,
// statuses, mobility counts) is invented, flagged sample_data or said in the text ("Eksempeldata").

interface SampleExtension {
  key: string;
  askedOn: string;
  requestedEnd: string;
  status: 'asked' | 'granted' | 'refused';
  decidedOn: string | null;
  note: string | null;
}

interface SampleAnchor {
  title: string;
  level: 'eu' | 'national' | 'regional' | 'local';
  period: string | null;
  url: string | null;
}

interface SamplePlanItem {
  key: string;
  title: string;
  description?: string;
  responsible?: string;
  dueDate?: string;
  status: 'planned' | 'in_progress' | 'done' | 'dropped';
  activities?: string[];
  agreements?: string[];
}

interface SampleInitiative {
  key: string;
  kind: InitiativeKind;
  title: string;
  description: string;
  parent?: string;
  owner?: string;
  funder?: string;
  budget?: { granted: number; spent: number };
  startDate?: string;
  plannedEndDate?: string;
  extensions?: SampleExtension[];
  goals?: string[];
  policyAnchors?: SampleAnchor[];
  themes?: ThematicArea[];
  levels?: CollaborationLevel[];
  maturityLevel?: MaturityLevel;
  planItems?: SamplePlanItem[];
  sampleData: boolean;
}

const GUESSED_DUE = 'Eksempeldata: fristen er antatt.';

// ---------------------------------------------------------------- seed 000

const nbProject: SampleInitiative = {
  key: 'regional-competence-actors',
  kind: 'project',
  title: 'Regionale kompetanseaktører og folkebibliotekenes rolle',
  description:
    'Prosjektet hadde oppstart sommeren 2023 med midler fra Nasjonalbiblioteket (NB), planlagt som et toårig prosjekt med avslutning sommeren 2025. ' +
    'Våren 2025 ble det forlenget til sommeren 2026. Etter telefonsamtale 28. januar 2026 søker fylkesbiblioteket om ytterligere forlengelse fram til sommeren 2027. ' +
    'Det søkes ikke om flere midler: det er fremdeles gjenstående midler på prosjektkontoen. ' +
    'Målet videre er et tettere samarbeid med ulike kompetanseaktører i fylket. ' +
    'Eksempeldata: beløpene (bevilget og brukt), datoen for vedtaket om den første forlengelsen og fristene i planen er oppdiktet.',
  owner: 'county-library',
  funder: 'nb',
  budget: { granted: 1_500_000, spent: 1_085_400 },
  startDate: '2023-06-01',
  plannedEndDate: '2025-06-30',
  extensions: [
    {
      key: 'nb-extension-2026',
      askedOn: '2025-03-03',
      requestedEnd: '2026-06-30',
      status: 'granted',
      decidedOn: '2025-04-22',
      note: 'Forlengelse innvilget våren 2025, til sommeren 2026. Eksempeldata: datoene for søknad og vedtak er antatt.',
    },
    {
      key: 'nb-extension-2027',
      askedOn: '2026-01-28',
      requestedEnd: '2027-06-30',
      status: 'asked',
      decidedOn: null,
      note: 'Telefonsamtale med NB 28. januar 2026, fulgt opp med brev. Det søkes ikke om flere midler, da det er gjenstående midler på prosjektkontoen.',
    },
  ],
  goals: [
    'Styrke folkebibliotekenes rolle som regionale kompetanseaktører i Trøndelag',
    'Få til et tettere samarbeid mellom folkebibliotekene og kompetanseaktørene i fylket: studiesentre, universiteter, Karrieresenteret og videregående skoler',
    'Gjøre bibliotekenes tjenester til studenter kjent og lette å finne',
    'Heve kompetansen til bibliotekansatte om tjenester til studenter',
  ],
  themes: ['library_services_for_students', 'interlibrary_loan', 'lifelong_learning', 'career_guidance', 'rural_development'],
  levels: ['strategic', 'practical'],
  planItems: [
    // Results so far.
    {
      key: 'nb-brochure',
      title: 'Brosjyremateriell om bibliotekets tjenester til studerende',
      responsible: 'county-library',
      status: 'done',
      activities: ['brochure-student-services'],
    },
    {
      key: 'nb-webinars',
      title: 'Webinarer for bibliotekansatte: 12 fra høsten 2023 til sommeren 2025, og et større webinar om fjernlån 3. februar 2026',
      description: 'Kompetanseheving for bibliotekansatte. Det større webinaret om fjernlån hadde god deltakelse fra folkebibliotek, Nord universitet og NTNU.',
      responsible: 'county-library',
      status: 'done',
      activities: [...sampleWebinarKeys, 'webinar-interlibrary-loan-2026'],
    },
    {
      key: 'nb-agreements-sor-sorvest',
      title: 'Avtaler mellom studiesentrene i Trøndelag sørvest og Trøndelag sør og folkebibliotekene i sine regioner',
      responsible: 'county-library',
      status: 'done',
      agreements: ['trondelag-sorvest', 'trondelag-sor'],
    },
    {
      key: 'nb-photography',
      title: 'Fotografering av alle hovedbibliotekene høsten 2025, delvis til publisering i KS Mediebank',
      responsible: 'county-library',
      status: 'done',
      activities: ['photography-main-libraries-2025'],
    },
    {
      key: 'nb-service-survey',
      title: 'Samle informasjon fra hvert bibliotek (også filialer) om hvilke tjenester de tilbyr studenter',
      description: GUESSED_DUE,
      responsible: 'county-library',
      dueDate: '2026-06-30',
      status: 'in_progress',
    },
    // The plan ahead.
    {
      key: 'nb-agreement-namdal',
      title: 'Samarbeidsavtale mellom Namdal studiesenter og folkebibliotekene i studiesenterets nedslagsfelt',
      description: GUESSED_DUE,
      responsible: 'study-centre-namdal',
      dueDate: '2026-12-31',
      status: 'planned',
    },
    {
      key: 'nb-agreement-fosen',
      title: 'Samarbeidsavtale mellom Fosen studiesenter og folkebibliotekene i studiesenterets nedslagsfelt',
      description: GUESSED_DUE,
      responsible: 'study-centre-fosen',
      dueDate: '2026-12-31',
      status: 'planned',
    },
    {
      key: 'nb-career-centre',
      title: 'Samarbeid mellom Karrieresenteret og folkebibliotek i regionen, mulig avtale',
      description: GUESSED_DUE,
      responsible: 'career-centre',
      dueDate: '2027-03-31',
      status: 'planned',
    },
    {
      key: 'nb-university-channels',
      title: 'Etablere varige samarbeidskanaler mellom fylkesbiblioteket/folkebibliotekene og Nord universitet/NTNU',
      description: `Webinaret om fjernlån 3. februar 2026 er et første steg. ${GUESSED_DUE}`,
      responsible: 'county-library',
      dueDate: '2027-06-30',
      status: 'in_progress',
    },
    {
      key: 'nb-namdal-nord-namsos',
      title: 'Namdalsregionen: samarbeid mellom Nord universitet (Namsos) og folkebibliotek',
      description: GUESSED_DUE,
      responsible: 'nord-namsos',
      dueDate: '2027-03-31',
      status: 'planned',
    },
    {
      key: 'nb-namdal-upper-secondary',
      title: 'Namdalsregionen: tettere samarbeid mellom videregående skoler og folkebibliotek',
      description: `Fylkeskommunen eier de videregående skolene; skolene er ennå ikke registrert som aktører. ${GUESSED_DUE}`,
      responsible: 'county',
      dueDate: '2027-03-31',
      status: 'planned',
    },
    {
      key: 'nb-namdal-office-study-places',
      title: 'Namdalsregionen: kobling av kontor- og studieplass og folkebibliotek',
      description: GUESSED_DUE,
      responsible: 'study-centre-namdal',
      dueDate: '2027-03-31',
      status: 'planned',
    },
    {
      key: 'nb-bygdevekst',
      title: 'Følge opp Bygdevekstavtalenes handlingsplaner, der kompetanse er en viktig del, og synliggjøre bibliotekene i prosessen',
      description: GUESSED_DUE,
      responsible: 'county-library',
      dueDate: '2027-06-30',
      status: 'planned',
    },
    {
      key: 'nb-knowledge-base',
      title: 'Kunnskapsgrunnlag om folkebibliotekenes plass i kunnskapssamfunnet i Trøndelag, til regional plan for kompetanse',
      description: `Regional plan for kompetanse er på gang. ${GUESSED_DUE}`,
      responsible: 'county',
      dueDate: '2026-12-31',
      status: 'planned',
    },
    {
      key: 'nb-marketing',
      title: 'Bedre markedsføring av bibliotekenes tjenester til studenter',
      description: `Brosjyren og bildene fra fotograferingen brukes her. ${GUESSED_DUE}`,
      responsible: 'county-library',
      dueDate: '2027-06-30',
      status: 'in_progress',
    },
  ],
  sampleData: true,
};

// ---------------------------------------------------------------- seed 001

const UNKNOWN_STATUS = 'Eksempeldata: status er antatt.';

const universityMunicipality: SampleInitiative = {
  key: 'universitetskommune',
  kind: 'pilot',
  title: 'Universitetskommune 3.0',
  description:
    'Partnerskap mellom Trondheim kommune og NTNU. Modenhetsmodell: 1.0 – det er et universitet geografisk lokalisert i kommunen; ' +
    '2.0 – individuelle prosjektsamarbeid som skal svare på kunnskapsbehov innenfor avgrensede fagområder; ' +
    '3.0 – samarbeid mellom universitet og kommuner på strategisk, taktisk og praktisk nivå, og på tvers av faglige og geografiske grenser.\n\n' +
    'Hvorfor universitetskommune: demografiske endringer, polarisering av samfunnsdebatten, mindre oljeinntekter, klimaendringer, forventningsgap og urbanisering; ' +
    'styringssignaler om innovasjon i offentlig sektor.\n\n' +
    'Eksisterende samarbeid: Fysioprim, Trondheim helseklynge, samarbeidsavtale helse og velferd/MH, samarbeidsavtale NTNU/Trondheim kommune, og diverse samarbeid.\n\n' +
    'Veien mot en universitetskommune: lokal modell → nasjonal pilot → grunnlag for forskrift.',
  owner: 'trondheim-municipality',
  goals: [
    'Sikre tilgang på relevant og oppdatert kunnskap og kompetanse som kommunesektoren trenger',
    'Etablere en arena for forskningsbasert utdanning, etter- og videreutdanning, relevant praksis for studenter, forskerutdanning og forskning og innovasjon innenfor områder av strategisk betydning for sektoren',
    'Etablere en ny modell for kontinuerlig toveis kompetanse- og kunnskapsoverføring mellom akademia og kommune',
  ],
  policyAnchors: [
    { title: 'Strategi for innovasjon i offentlig sektor (Norges forskningsråd)', level: 'national', period: '2018', url: null },
    { title: 'Revisjon av langtidsplanen for forskning og høyere utdanning (Kunnskapsdepartementet)', level: 'national', period: '2017', url: null },
    { title: 'Stortingsmelding om innovasjon i offentlig sektor (Kommunal- og moderniseringsdepartementet)', level: 'national', period: '2018', url: null },
    { title: 'Kommuneproposisjonen 2020', level: 'national', period: '2020', url: null },
  ],
  themes: ['health_welfare', 'upbringing_education', 'urban_development', 'innovation', 'smart_city'],
  levels: ['strategic', 'tactical', 'practical'],
  maturityLevel: '3.0',
  planItems: [
    { key: 'uk-fysioprim', title: 'Eksisterende samarbeid: Fysioprim', responsible: 'ntnu', status: 'done' },
    { key: 'uk-helseklynge', title: 'Eksisterende samarbeid: Trondheim helseklynge', responsible: 'trondheim-municipality', status: 'done' },
    { key: 'uk-health-welfare', title: 'Eksisterende samarbeid: samarbeidsavtale helse og velferd/MH', responsible: 'trondheim-municipality', status: 'done' },
    { key: 'uk-cooperation-agreement', title: 'Eksisterende samarbeid: samarbeidsavtale NTNU/Trondheim kommune', responsible: 'ntnu', status: 'done' },
    {
      key: 'uk-education-models',
      title: 'Pilotere nye modeller for utdanningssamarbeid med mål om økt arbeidsrelevans',
      description: `Felles innsatsområde mot 2023. ${UNKNOWN_STATUS}`,
      responsible: 'ntnu',
      dueDate: '2023-12-31',
      status: 'in_progress',
    },
    {
      key: 'uk-lifelong-learning',
      title: 'Pilotere nye modeller for livslang læring med mål om å bygge kapasitet',
      description: `Felles innsatsområde mot 2023. ${UNKNOWN_STATUS}`,
      responsible: 'ntnu',
      dueDate: '2023-12-31',
      status: 'in_progress',
    },
    {
      key: 'uk-thematic-networks',
      title: 'Identifisere mulige tematiske nettverk og teste ut modellen med mål om å bygge kraftfulle kompetansemiljø',
      description: `Felles innsatsområde mot 2023. ${UNKNOWN_STATUS}`,
      responsible: 'trondheim-municipality',
      dueDate: '2023-12-31',
      status: 'in_progress',
    },
    {
      key: 'uk-portfolio',
      title: 'Utvikle mekanismer for prioritering og porteføljestyring med mål om større samfunnseffekt',
      description: `Felles innsatsområde mot 2023. ${UNKNOWN_STATUS}`,
      responsible: 'trondheim-municipality',
      dueDate: '2023-12-31',
      status: 'in_progress',
    },
    {
      key: 'uk-experience-sharing',
      title: 'Erfaringsdeling (utover og innover) med mål om å utvikle en lokal og en nasjonal modell',
      description: `Felles innsatsområde mot 2023. ${UNKNOWN_STATUS}`,
      responsible: 'trondheim-municipality',
      dueDate: '2023-12-31',
      status: 'in_progress',
    },
  ],
  sampleData: false,
};

// ---------------------------------------------------------------- seed 002

const ihpAnchors: SampleAnchor[] = [
  // European.
  { title: 'København-prosessen: den europeiske yrkesfaglige utdannings- og opplæringspolitikken', level: 'eu', period: '2002', url: 'http://europa.eu/rapid/press-release_MEMO-04-293_en.pdf' },
  {
    title: 'Communiqués of Maastricht: the future priorities of enhanced European cooperation in vocational education and training (VET)',
    level: 'eu',
    period: '2004',
    url: null,
  },
  { title: 'Entrepreneurship 2020 Action Plan', level: 'eu', period: '2012', url: 'https://ec.europa.eu/growth/smes/promoting-entrepreneurship/action-plan_en' },
  {
    title: 'Bruges Communiqué: økt europeisk samarbeid i yrkesutdanning',
    level: 'eu',
    period: '2011–2020',
    url: 'http://ec.europa.eu/dgs/education_culture/repository/education/policy/vocational-policy/doc/brugescom_en.pdf',
  },
  {
    title: 'Riga conclusions',
    level: 'eu',
    period: '2015',
    url: 'http://ec.europa.eu/dgs/education_culture/repository/education/policy/vocational-policy/doc/2015-riga-conclusions',
  },
  // National.
  {
    title: 'DIKU: Nasjonal handlingsplan for norsk deltakelse i utdanningsdelen av Erasmus+',
    level: 'national',
    period: null,
    url: 'https://www.siu.no/publikasjoner/Alle-publikasjoner/nasjonal-handlingsplan-for-norsk-deltakelse-i-utdanningsdelen-av-erasmus',
  },
  {
    title: 'Prop. 84 S (2016–2017): Ny inndeling av regionalt folkevalgt nivå',
    level: 'national',
    period: '2016–2017',
    url: 'https://www.regjeringen.no/no/dokumenter/prop.-84-s-20162017/id2546597/sec1',
  },
  {
    title: 'Fylkeskommunenes europeiske arbeid. Omfang om mangfold. Rapport, Utenriksdepartementet',
    level: 'national',
    period: null,
    url: 'https://www.regjeringen.no/no/aktuelt/rapport_europeisk_arbeid/id2526217/',
  },
  {
    title: 'Regjeringens strategi for samarbeidet med EU, Utenriksdepartementet',
    level: 'national',
    period: null,
    url: 'https://www.regjeringen.no/no/dokumenter/europa_strategi/id762511/',
  },
  { title: 'FNs bærekraftsmål', level: 'national', period: null, url: 'https://www.fn.no/Om-FN/FNs-baerekraftsmaal' },
  {
    title: 'Meld. St. 11 (2017–2018): Nordisk samarbeid',
    level: 'national',
    period: '2017–2018',
    url: 'https://www.regjeringen.no/contentassets/452b08e61b8b40ac8035d7721791f15b/nn-no/pdfs/stm201720180011000dddpdfs.pdf',
  },
  {
    title: 'Meld. St. 14 (2008–2009): Internasjonalisering av utdanning',
    level: 'national',
    period: '2008–2009',
    url: 'https://www.regjeringen.no/contentassets/a0f91ffae0d74d76bdf3a9567b61ad3f/no/pdfs/stm200820090014000dddpdfs.pdf',
  },
  {
    title: 'Meld. St. 20 (2011–2012): EØS-midlene. Solidaritet og samarbeid i Europa',
    level: 'national',
    period: '2011–2012',
    url: 'https://www.regjeringen.no/contentassets/4429483f191d4e399f3a25b28fc475e6/no/pdfs/stm201120120020000dddpdfs.pdf',
  },
  {
    title: 'Meld. St. 19 (1996–1997): Om studier i utlandet',
    level: 'national',
    period: '1996–1997',
    url: 'https://www.regjeringen.no/no/dokumenter/st-meld-nr-19_1996-97/id191045/',
  },
  {
    title: 'Meld. St. 20 (2012–2013): På rett vei. Kvalitet og mangfold i fellesskolen',
    level: 'national',
    period: '2012–2013',
    url: 'https://www.regjeringen.no/contentassets/53bb6e5685704455b06fdd289212d108/no/pdfs/stm201220130020000dddpdfs.pdf',
  },
  {
    title: 'Meld. St. 21 (2016–2017): Lærelyst – tidlig innsats og kvalitet i skolen',
    level: 'national',
    period: '2016–2017',
    url: 'https://www.regjeringen.no/contentassets/71c018d2f5ee4f7da7df44a6aae265bc/no/pdfs/stm201620170021000dddpdfs.pdf',
  },
  {
    title: 'Meld. St. 28 (2015–2016): Fag – Fordypning – Forståelse. En fornyelse av Kunnskapsløftet',
    level: 'national',
    period: '2015–2016',
    url: 'https://www.regjeringen.no/contentassets/e8e1f41732ca4a64b003fca213ae663b/no/pdfs/stm201520160028000dddpdfs.pdf',
  },
  // Regional (the seed gives no addresses for these).
  { title: 'Trøndelagsplanen 2019–2030', level: 'regional', period: '2019–2030', url: null },
  { title: 'Kompetansestrategi for Trøndelag', level: 'regional', period: null, url: null },
  { title: 'Strategi for innovasjon og verdiskaping i Trøndelag', level: 'regional', period: '2018–2021', url: null },
  { title: 'Forsknings- og utviklingsstrategi for Trøndelag', level: 'regional', period: '2016–2020', url: null },
  { title: 'Innovasjon Norges mål og strategiske posisjon', level: 'regional', period: null, url: null },
  { title: 'Kulturstrategi for Trøndelag', level: 'regional', period: '2019–2022', url: null },
  // The school's own plans.
  { title: 'Internasjonal strategi på skolen', level: 'local', period: null, url: null },
  { title: 'Kompetanseplan', level: 'local', period: null, url: null },
  { title: 'Utviklingsplan', level: 'local', period: null, url: null },
];

const ihp: SampleInitiative = {
  key: 'ihp',
  kind: 'programme',
  title: 'Internasjonalt handlingsprogram (IHP) for Trøndelag',
  description:
    'Internasjonalt handlingsprogram for region Trøndelag, med tre tiltak innen utdanning og kompetanse. ' +
    'Saken gikk til fylkesutvalget 11. februar og deretter til fylkestinget i slutten av februar 2020. ' +
    'Grunnlag for internasjonalt samarbeid i utdanningen: forankring i europeiske, nasjonale og regionale planverk og i skolens egne planverk, ' +
    'og dialog med ledelsen i egen organisasjon.',
  owner: 'county',
  policyAnchors: ihpAnchors,
  themes: ['internationalisation', 'mobility', 'upbringing_education'],
  levels: ['strategic', 'tactical'],
  sampleData: false,
};

const ihpMeasures: SampleInitiative[] = [
  {
    key: 'ihp-measure-1',
    kind: 'measure',
    title: 'Tiltak 1: Kompetansebygging i regionen',
    description:
      'Regionalt informasjonssamarbeid om internasjonalisering av utdanning mellom Trøndelag fylkeskommune, KS og Statsforvalteren i Trøndelag (tidligere Fylkesmannen i Trøndelag).',
    parent: 'ihp',
    owner: 'county',
    goals: [
      'Nasjonalt samarbeid om informasjon og kompetanse innen internasjonalisering og kvalitet i utdanning og opplæring',
      'Regionalt informasjonssamarbeid om internasjonalisering av utdanning mellom Trøndelag fylkeskommune, KS og Fylkesmannen i Trøndelag',
      'Ha og formidle oppdatert kunnskap om aktuelle program og tilskuddsordninger som retter seg mot utdannings- og kompetansefeltet',
      'Styrke veiledningen og gi målrettet informasjon om internasjonalisering av utdanning i et systematisk arbeid med relevante brukere i Trøndelag',
      'Arbeide med kvalitet innen internasjonal mobilitet for utvikling av bransjekompetanse',
      'Synliggjøre og forankre merverdien av internasjonalt samarbeid mellom utdanning og arbeidsliv',
    ],
    themes: ['internationalisation'],
    levels: ['strategic', 'tactical'],
    planItems: [
      {
        key: 'ihp-1-regional-information',
        title: 'Regionalt informasjonssamarbeid: fylkeskommunen, KS og Statsforvalteren',
        description: UNKNOWN_STATUS,
        responsible: 'county',
        status: 'in_progress',
      },
    ],
    sampleData: false,
  },
  {
    key: 'ihp-measure-2',
    kind: 'measure',
    title: 'Tiltak 2: Internasjonalisering for skoleutvikling',
    description: 'Nettverk for internasjonalisering i utdanning, og internasjonalisering som metode og verktøy for å utvikle skolene.',
    parent: 'ihp',
    owner: 'county',
    goals: ['Nettverk for internasjonalisering i utdanning', 'Bruke internasjonalisering som metode og verktøy for å utvikle våre skoler'],
    themes: ['internationalisation', 'upbringing_education'],
    levels: ['tactical', 'practical'],
    sampleData: false,
  },
  {
    key: 'ihp-measure-3',
    kind: 'measure',
    title: 'Tiltak 3: Mobilitet i utdanningen',
    description:
      'Mobilitet for elever, lærlinger, faglærere og instruktører, i regionalt partnerskap med lærebedrifter og opplæringskontor (OKIT). ' +
      'Mobilitetstall registreres som antall, aldri som personer.',
    parent: 'ihp',
    owner: 'county',
    goals: [
      'Videreføre samarbeidsavtaler i Europa, VG2 studieforberedende og studiespesialiserende',
      'Samarbeide med regionalt partnerskap for å informere om og mobilisere til internasjonal aktivitet',
      'Drive regionalt partnerskap for mobilitet innen fagopplæring for lærebedrifter og opplæringskontor for mobilitet av lærlinger, faglærere og instruktører',
      'Legge til rette for at de videregående skolene er i stand til å drive internasjonal mobilitet for elever og lærere, med kompetanse til å søke midler gjennom EU-programmene',
      'Synliggjøre og effektivisere internasjonalisering og Erasmus+ mobilitet som en del av samarbeidsavtalen mellom Trøndelag fylkeskommune og OKIT (opplæringskontorer i Trøndelag)',
    ],
    themes: ['mobility', 'internationalisation'],
    levels: ['tactical', 'practical'],
    sampleData: false,
  },
];

/** Parents first: a measure refers to its programme. */
const initiatives: SampleInitiative[] = [nbProject, universityMunicipality, ihp, ...ihpMeasures];

/**
 * Mobility counts for IHP measure 3 (invented: flagged sample_data). Counted on the county
 * authority, which owns the upper-secondary schools, until schools and OKIT are actors.
 */
const mobilityCounts: Array<{ schoolYear: string; category: MobilityCategory; count: number }> = [
  { schoolYear: '2023/24', category: 'pupil', count: 64 },
  { schoolYear: '2023/24', category: 'apprentice', count: 18 },
  { schoolYear: '2023/24', category: 'teacher', count: 22 },
  { schoolYear: '2023/24', category: 'instructor', count: 6 },
  { schoolYear: '2024/25', category: 'pupil', count: 71 },
  { schoolYear: '2024/25', category: 'apprentice', count: 24 },
  { schoolYear: '2024/25', category: 'teacher', count: 19 },
  { schoolYear: '2024/25', category: 'instructor', count: 9 },
];

const idOrNull = (kind: string, key: string | undefined) => (key === undefined ? null : sampleId(kind, key));

/** Loads the sample initiatives; returns how many rows it added (0 when they exist already). */
export async function loadSampleInitiatives(trx: Transaction<Database>): Promise<number> {
  const added = await insertNewSampleRows(trx, 'initiative', initiatives, (i) => ({
    id: sampleId('initiative', i.key),
    kind: i.kind,
    title: i.title,
    sort_key: norwegianSortKey(i.title),
    description: i.description,
    parent_id: idOrNull('initiative', i.parent),
    owner_id: idOrNull('actor', i.owner),
    funder_id: idOrNull('actor', i.funder),
    budget_granted: i.budget?.granted ?? null,
    budget_spent: i.budget?.spent ?? null,
    start_date: i.startDate ?? null,
    planned_end_date: i.plannedEndDate ?? null,
    extensions: JSON.stringify(
      (i.extensions ?? []).map(({ key, ...extension }) => ({ id: sampleId('extension', key), ...extension })),
    ),
    goals: JSON.stringify((i.goals ?? []).map((text, index) => ({ id: sampleId('goal', `${i.key}-${index}`), text }))),
    policy_anchors: JSON.stringify(
      (i.policyAnchors ?? []).map((anchor, index) => ({ id: sampleId('policy-anchor', `${i.key}-${index}`), ...anchor })),
    ),
    themes: JSON.stringify(i.themes ?? []),
    levels: JSON.stringify(i.levels ?? []),
    maturity_level: i.maturityLevel ?? null,
    sample_data: i.sampleData,
  }));

  // Plan items only of the initiatives added now, so a user's edits to the others survive a reload.
  const planItems = initiatives
    .filter((i) => added.has(sampleId('initiative', i.key)))
    .flatMap((i) =>
      (i.planItems ?? []).map((item, position) => ({
        id: sampleId('plan-item', item.key),
        initiative_id: sampleId('initiative', i.key),
        position,
        title: item.title,
        description: item.description ?? null,
        responsible_actor_id: idOrNull('actor', item.responsible),
        due_date: item.dueDate ?? null,
        status: item.status,
        activity_ids: JSON.stringify((item.activities ?? []).map((key) => sampleId('activity', key))),
        agreement_ids: JSON.stringify((item.agreements ?? []).map((key) => sampleId('agreement', key))),
      })),
    );
  if (planItems.length > 0) {
    await trx.insertInto('plan_item').values(planItems).onConflict((oc) => oc.doNothing()).execute();
  }

  const measure3 = sampleId('initiative', 'ihp-measure-3');
  await trx
    .insertInto('mobility_count')
    .values(
      mobilityCounts.map((m) => ({
        id: sampleId('mobility-count', `county-${m.schoolYear}-${m.category}`),
        actor_id: sampleId('actor', 'county'),
        school_year: m.schoolYear,
        category: m.category,
        count: m.count,
        initiative_id: measure3,
        sample_data: true,
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .execute();

  await auditSampleLoad(trx, 'initiative', { initiatives: added.size });
  return added.size;
}
