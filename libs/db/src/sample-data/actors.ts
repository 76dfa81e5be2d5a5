import { sampleMunicipalities } from './municipalities';
import type { ActorKind } from '@kompetansebro/domain';

interface SampleActor {
  /** A stable key the sample data refers to; the id is derived from it. */
  key: string;
  kind: ActorKind;
  name: string;
  shortName?: string;
  municipality?: string;
  parent?: string;
  organisationNumber?: string;
  website?: string;
  description?: string;
}

const SAMPLE_NOTE = 'Eksempeldata';

/** Main public library of each municipality: "<kommune> bibliotek", but for Trondheim. */
const mainLibraryNames: Record<string, string> = {
  '5001': 'Trondheim folkebibliotek',
};

export function mainLibraryKey(municipalityNumber: string): string {
  return `library-${municipalityNumber}`;
}

const mainLibraries: SampleActor[] = sampleMunicipalities.map((m) => ({
  key: mainLibraryKey(m.number),
  kind: 'public_library',
  name: mainLibraryNames[m.number] ?? `${m.name} bibliotek`,
  municipality: m.number,
  description: `Hovedbiblioteket i ${m.name} kommune.`,
}));

/** A few branches, so that branch → main library shows; not a complete list. */
const branches: SampleActor[] = [
  { key: 'branch-heimdal', name: 'Heimdal bibliotek', municipality: '5001', parent: mainLibraryKey('5001') },
  { key: 'branch-moholt', name: 'Moholt bibliotek', municipality: '5001', parent: mainLibraryKey('5001') },
  { key: 'branch-risvollan', name: 'Risvollan bibliotek', municipality: '5001', parent: mainLibraryKey('5001') },
  { key: 'branch-saupstad', name: 'Saupstad bibliotek', municipality: '5001', parent: mainLibraryKey('5001') },
  { key: 'branch-byasen', name: 'Byåsen bibliotek', municipality: '5001', parent: mainLibraryKey('5001') },
  { key: 'branch-meldal', name: 'Meldal bibliotek', municipality: '5059', parent: mainLibraryKey('5059') },
  { key: 'branch-namdalseid', name: 'Namdalseid bibliotek', municipality: '5007', parent: mainLibraryKey('5007') },
  { key: 'branch-rorvik', name: 'Kolvereid bibliotek', municipality: '5060', parent: mainLibraryKey('5060') },
].map((b) => ({ ...b, kind: 'library_branch', description: `Filial. ${SAMPLE_NOTE}: filialene er et utvalg.` }));

const organisations: SampleActor[] = [
  {
    key: 'county',
    kind: 'county_authority',
    name: 'Trøndelag fylkeskommune',
    municipality: '5006',
    organisationNumber: '817920632',
    website: 'https://www.trondelagfylke.no',
  },
  {
    key: 'county-library',
    kind: 'county_library',
    name: 'Trøndelag fylkesbibliotek',
    parent: 'county',
    municipality: '5006',
    description: 'Fylkesbiblioteket leder prosjektet «Regionale kompetanseaktører og folkebibliotekenes rolle».',
  },
  {
    key: 'career-centre',
    kind: 'career_centre',
    name: 'Karrieresenteret i Trøndelag',
    parent: 'county',
    municipality: '5001',
    description: 'Karriereveiledning for voksne. Mulig samarbeidsavtale med folkebibliotekene.',
  },
  {
    key: 'study-centre-namdal',
    kind: 'study_centre',
    name: 'Namdal studiesenter',
    municipality: '5007',
    description: `Studiesenteret for Namdal. ${SAMPLE_NOTE}: plasseringen er antatt.`,
  },
  {
    key: 'study-centre-fosen',
    kind: 'study_centre',
    name: 'Fosen studiesenter',
    municipality: '5054',
    description: `Studiesenteret for Fosen. ${SAMPLE_NOTE}: plasseringen er antatt.`,
  },
  {
    key: 'study-centre-trondelag-sor',
    kind: 'study_centre',
    name: 'Studiesenter Trøndelag sør',
    municipality: '5027',
    description: `Studiesenteret for Trøndelag sør. ${SAMPLE_NOTE}: plasseringen er antatt.`,
  },
  {
    key: 'study-centre-trondelag-sorvest',
    kind: 'study_centre',
    name: 'Studiesenter Trøndelag sørvest',
    municipality: '5059',
    description: `Studiesenteret for Trøndelag sørvest. ${SAMPLE_NOTE}: plasseringen er antatt.`,
  },
  {
    key: 'ntnu',
    kind: 'university',
    name: 'Norges teknisk-naturvitenskapelige universitet',
    shortName: 'NTNU',
    municipality: '5001',
    organisationNumber: '974767880',
    website: 'https://www.ntnu.no',
  },
  { key: 'ntnu-gloshaugen', kind: 'university_campus', name: 'NTNU Gløshaugen', parent: 'ntnu', municipality: '5001' },
  { key: 'ntnu-dragvoll', kind: 'university_campus', name: 'NTNU Dragvoll', parent: 'ntnu', municipality: '5001' },
  {
    key: 'ntnu-library',
    kind: 'university_library',
    name: 'NTNU Universitetsbiblioteket',
    shortName: 'NTNU UB',
    parent: 'ntnu',
    municipality: '5001',
  },
  { key: 'nord', kind: 'university', name: 'Nord universitet', website: 'https://www.nord.no' },
  { key: 'nord-namsos', kind: 'university_campus', name: 'Nord universitet Namsos', parent: 'nord', municipality: '5007' },
  { key: 'nord-levanger', kind: 'university_campus', name: 'Nord universitet Levanger', parent: 'nord', municipality: '5037' },
  { key: 'nord-steinkjer', kind: 'university_campus', name: 'Nord universitet Steinkjer', parent: 'nord', municipality: '5006' },
  { key: 'nord-library', kind: 'university_library', name: 'Nord universitetsbibliotek', parent: 'nord' },
  {
    key: 'trondheim-municipality',
    kind: 'municipality',
    name: 'Trondheim kommune',
    municipality: '5001',
    organisationNumber: '942110464',
    website: 'https://www.trondheim.kommune.no',
  },
  { key: 'nb', kind: 'funder', name: 'Nasjonalbiblioteket', shortName: 'NB', website: 'https://www.nb.no' },
  { key: 'ks', kind: 'municipal_association', name: 'KS Trøndelag', shortName: 'KS' },
  { key: 'state-administrator', kind: 'state_administrator', name: 'Statsforvalteren i Trøndelag', municipality: '5006' },
];

/**
 * Upper-secondary schools of Trøndelag (seed 002: internationalisation and Erasmus+ mobility),
 * run by the county. A selection, not every school; the municipalities are as the schools' names say.
 */
const upperSecondarySchools: SampleActor[] = [
  { key: 'vgs-olav-duun', name: 'Olav Duun videregående skole', municipality: '5007' },
  { key: 'vgs-steinkjer', name: 'Steinkjer videregående skole', municipality: '5006' },
  { key: 'vgs-levanger', name: 'Levanger videregående skole', municipality: '5037' },
  { key: 'vgs-verdal', name: 'Verdal videregående skole', municipality: '5038' },
  { key: 'vgs-ole-vig', name: 'Ole Vig videregående skole', municipality: '5035' },
  { key: 'vgs-byasen', name: 'Byåsen videregående skole', municipality: '5001' },
  { key: 'vgs-charlottenlund', name: 'Charlottenlund videregående skole', municipality: '5001' },
  { key: 'vgs-heimdal', name: 'Heimdal videregående skole', municipality: '5001' },
  { key: 'vgs-thora-storm', name: 'Thora Storm videregående skole', municipality: '5001' },
  { key: 'vgs-orkdal', name: 'Orkdal videregående skole', municipality: '5059' },
  { key: 'vgs-meldal', name: 'Meldal videregående skole', municipality: '5059' },
  { key: 'vgs-gauldal', name: 'Gauldal videregående skole', municipality: '5027' },
  { key: 'vgs-oppdal', name: 'Oppdal videregående skole', municipality: '5021' },
  { key: 'vgs-roros', name: 'Røros videregående skole', municipality: '5025' },
  { key: 'vgs-fosen', name: 'Fosen videregående skole', municipality: '5057' },
  { key: 'vgs-afjord', name: 'Åfjord videregående skole', municipality: '5058' },
  { key: 'vgs-grong', name: 'Grong videregående skole', municipality: '5045' },
  { key: 'vgs-ytre-namdal', name: 'Ytre Namdal videregående skole', municipality: '5060' },
  { key: 'vgs-hitra', name: 'Hitra videregående skole', municipality: '5056' },
  { key: 'vgs-malvik', name: 'Malvik videregående skole', municipality: '5031' },
].map((school) => ({
  ...school,
  kind: 'upper_secondary_school',
  parent: 'county',
  description: `Videregående skole i Trøndelag fylkeskommune. ${SAMPLE_NOTE}: et utvalg av skolene.`,
}));

/** OKIT, the training offices' organisation in Trøndelag, the county's partner on apprentices' mobility (seed 002). */
const trainingOffices: SampleActor[] = [
  {
    key: 'okit',
    kind: 'training_office',
    name: 'OKIT – opplæringskontorene i Trøndelag',
    shortName: 'OKIT',
    municipality: '5001',
    description: `Opplæringskontorene i Trøndelag: mobilitet for lærlinger, faglærere og instruktører (Erasmus+). ${SAMPLE_NOTE}: plasseringen er antatt.`,
  },
];

export const sampleActors: readonly SampleActor[] = [...organisations, ...mainLibraries, ...branches, ...upperSecondarySchools, ...trainingOffices];

/** Which sample region each study centre serves (its catchment area in the sample data). */
export const sampleStudyCentreRegions = [
  { centre: 'study-centre-namdal', region: 'Namdal' },
  { centre: 'study-centre-fosen', region: 'Fosen' },
  { centre: 'study-centre-trondelag-sor', region: 'Trøndelag sør' },
  { centre: 'study-centre-trondelag-sorvest', region: 'Trøndelag sørvest' },
] as const;
