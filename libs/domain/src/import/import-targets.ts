import { z } from 'zod';
import { parseNumberText } from '../common/number-text';
import { fieldErrorsFromIssues, type FieldError } from '../common/problem.schema';
import { contactCreateSchema } from '../contact/contact.schema';
import { libraryNumberSchema } from '../identifiers/library-number';
import { normaliseOrganisationNumber } from '../identifiers/organisation-number';
import { audiences, serviceConditionsSchema, serviceSchema, serviceTypes, type Audience, type ServiceType } from '../service/service.schema';
import { importFieldsOf, type ActorReferenceField, type ImportFieldOf, type ImportTarget } from './import-fields';
import { importErrorCodes, isFormulaCell, normaliseHeader, suggestMapping, withColumn, type ColumnMapping } from './import.schema';

// Contacts, services and opening hours of actors already in the register: the same pipeline as
// actors (upload → mapping → preview → apply → undo), with each row naming its actor.

/** A target other than actors: rows that belong to an actor of the register. */
export type RecordImportTarget = Exclude<ImportTarget, 'actor'>;

export const recordImportErrorCodes = {
  actorNotFound: 'import_actor_not_found',
  actorAmbiguous: 'import_actor_ambiguous',
  actorMissing: 'import_actor_missing',
  identifiersDisagree: importErrorCodes.identifiersDisagree,
  serviceTypeUnknown: 'import_service_type_unknown',
  audienceUnknown: 'import_audience_unknown',
  dateFormat: 'import_date_format',
  numberFormat: 'import_number_format',
  openingHoursInvalid: 'import_opening_hours_invalid',
  duplicateInFile: importErrorCodes.duplicateInFile,
} as const;

const actorSynonyms = (nameAlso: boolean): Record<ActorReferenceField, readonly string[]> => ({
  actorOrganisationNumber: ['organisasjonsnummer', 'orgnr', 'orgnummer', 'organisationnumber', 'aktørorgnr'],
  actorLibraryNumber: ['biblioteknummer', 'bibnr', 'biblnr', 'librarynumber', 'isil'],
  actorName: ['bibliotek', 'aktør', 'aktørnavn', 'virksomhet', 'organisasjon', 'institusjon', 'actor', ...(nameAlso ? ['navn', 'name'] : [])],
  actorMunicipalityNumber: ['kommunenummer', 'kommunenr', 'kommnr', 'komnr', 'kommune', 'municipality'],
});

/** Headers people write in their own lists, by field (compared lower-case, without spaces, dashes, dots and underscores). */
const headerSynonyms: { [T in RecordImportTarget]: Record<ImportFieldOf<T>, readonly string[]> } = {
  contact: {
    ...actorSynonyms(false),
    name: ['navn', 'name', 'kontaktperson', 'kontakt', 'person', 'fulltnavn'],
    role: ['rolle', 'stilling', 'funksjon', 'tittel', 'role'],
    email: ['epost', 'e-post', 'email', 'mail', 'epostadresse'],
    phone: ['telefon', 'tlf', 'mobil', 'phone', 'telefonnummer', 'mobilnummer'],
  },
  service: {
    ...actorSynonyms(true),
    type: ['tjeneste', 'tjenestetype', 'type', 'service'],
    audiences: ['målgruppe', 'målgrupper', 'brukergruppe', 'brukergrupper', 'audiences'],
    description: ['beskrivelse', 'omtale', 'description'],
    conditions: ['vilkår', 'betingelser', 'merknad', 'conditions'],
    weeklyHours: ['timerperuke', 'timer/uke', 'timeriuka', 'timer', 'ukentligetimer', 'weeklyhours'],
    confirmedAt: ['bekreftet', 'bekreftetdato', 'sistbekreftet', 'confirmed', 'confirmedat'],
    confirmedBy: ['bekreftetav', 'confirmedby'],
  },
  opening_hours: {
    ...actorSynonyms(true),
    openingHours: ['åpningstid', 'åpningstider', 'betjentåpningstid', 'openinghours'],
    selfService: ['meråpent', 'meråpen', 'meråpentid', 'selvbetjent', 'selfservice', 'openinghours:selfservice'],
  },
};

/** A mapping suggested from the headers for what the file holds: each header by its synonyms, a field once. */
export function suggestMappingFor(target: ImportTarget, headers: readonly string[]): ColumnMapping {
  if (target === 'actor') return suggestMapping(headers);
  const synonyms = headerSynonyms[target] as Record<string, readonly string[]>;
  const fields = importFieldsOf[target] as readonly ImportFieldOf<RecordImportTarget>[];
  const columns: ColumnMapping['columns'] = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const normalised = normaliseHeader(header);
    const field = fields.find((f) => !taken.has(f) && (normaliseHeader(f) === normalised || (synonyms[f] ?? []).some((s) => normaliseHeader(s) === normalised)));
    columns[header] = field ?? null;
    if (field) taken.add(field);
  }
  return { format: 'custom', columns, defaultKind: null };
}

/** The columns of a mapping that name no field of the target (a 400 on preview and apply). */
export function mappingErrors(target: ImportTarget, mapping: ColumnMapping): FieldError[] {
  const fields = importFieldsOf[target] as readonly string[];
  return Object.entries(mapping.columns)
    .filter(([, field]) => field !== null && !fields.includes(field))
    .map(([header, field]) => ({ path: `columns.${header}`, code: 'import_field_not_of_target', message: `"${field}" is no field of a file of ${target}`, params: { column: header } }));
}

const words = (entries: Record<string, readonly string[]>) => new Map(Object.entries(entries).flatMap(([code, list]) => [code, ...list].map((w) => [normaliseHeader(w), code] as const)));

/** Service types by the API's code, the screen's Norwegian labels and common words. */
const serviceTypeWords = words({
  study_places: ['lesesalsplasser', 'studieplasser', 'leseplasser', 'lesesal'],
  group_rooms: ['grupperom'],
  exam_invigilation: ['eksamensvakt', 'eksamen', 'eksamensavvikling'],
  interlibrary_loan: ['fjernlån'],
  university_loan_pickup: ['henting av lån fra universitetsbiblioteket', 'henting av lån', 'hentested'],
  printing_scanning: ['utskrift og skanning', 'utskrift', 'skanning', 'kopiering'],
  video_meeting_room: ['rom for videomøter', 'videomøterom', 'videorom'],
  staffed_hours: ['betjent åpningstid', 'betjent'],
  self_service_hours: ['meråpent', 'meråpen', 'selvbetjent'],
  guidance_courses: ['veiledning og kurs', 'veiledning', 'kurs'],
  career_guidance: ['karriereveiledning'],
  office_places: ['kontorplasser', 'kontorplass'],
} satisfies Record<ServiceType, readonly string[]>);

const audienceWords = words({
  students: ['studenter', 'student'],
  apprentices: ['lærlinger', 'lærling', 'lærlingar'],
  pupils: ['elever', 'elev', 'elevar'],
  public: ['publikum', 'alle', 'allmennheten', 'innbyggere'],
} satisfies Record<Audience, readonly string[]>);

/** The actor a row names: by organisation number, library number, or name (and municipality). */
export interface ImportActorReference {
  organisationNumber: string | null;
  libraryNumber: string | null;
  name: string | null;
  municipalityNumber: string | null;
}

/** One row of a contact, service or opening-hours file read through the mapping. */
export interface MappedRecordRow {
  actor: ImportActorReference;
  /** The record's fields the row gives a value, checked with the record's own schema (an empty cell gives none). */
  fields: Record<string, unknown>;
  /** The file's column of each field, for the reasons. */
  columnOf: Record<string, string>;
  errors: FieldError[];
}

const recordSchemas = {
  contact: contactCreateSchema.omit({ actorId: true }).partial(),
  service: serviceSchema.pick({ type: true, audiences: true, description: true, weeklyHours: true, confirmedAt: true, confirmedBy: true }).extend({ conditions: serviceConditionsSchema.shape.note }).partial(),
  opening_hours: z.object({ openingHours: z.string().max(2000), selfService: z.string().max(2000) }).partial(),
} as const;

/** "37,5" and "37.5" alike. */
function numberOf(value: string): number | undefined {
  return parseNumberText(value, { negative: true }) ?? undefined;
}

/** "31.01.2026", "31.1.2026" and "2026-01-31" as an ISO day. */
function dayOf(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (iso) return value;
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  return norwegian ? `${norwegian[3]}-${norwegian[2]?.padStart(2, '0')}-${norwegian[1]?.padStart(2, '0')}` : undefined;
}

/**
 * Reads one row of a contact, service or opening-hours file through the mapping: the actor it
 * names, and the record's fields checked with the domain's own schema. Each error names the field
 * (`path`) and the file's column (`params.column`).
 */
export function mapRecordRow(target: RecordImportTarget, cells: Readonly<Record<string, string>>, mapping: ColumnMapping): MappedRecordRow {
  const errors: FieldError[] = [];
  const raw: Record<string, string> = {};
  const columnOf: Record<string, string> = {};
  const fieldsOfTarget = importFieldsOf[target] as readonly string[];
  for (const [header, field] of Object.entries(mapping.columns)) {
    if (!field || !fieldsOfTarget.includes(field)) continue;
    const value = (cells[header] ?? '').trim();
    if (value === '') continue;
    columnOf[field] = header;
    if (isFormulaCell(cells[header] ?? '')) errors.push({ path: field, code: importErrorCodes.formula, message: 'The cell is a formula; write the value itself', params: { column: header } });
    else raw[field] = value;
  }
  const fail = (field: string, code: string, message: string) => errors.push({ path: field, code, message, params: { column: columnOf[field] ?? field } });

  const isil = raw['actorLibraryNumber'] && /^NO-(\d{7})$/i.exec(raw['actorLibraryNumber']);
  const libraryNumber = isil ? (isil[1] ?? null) : (raw['actorLibraryNumber'] ?? null);
  if (libraryNumber !== null && !libraryNumberSchema.safeParse(libraryNumber).success) fail('actorLibraryNumber', 'library_number_format', 'A library number has 7 digits (or write the ISIL, NO- and 7 digits)');
  const actor: ImportActorReference = {
    organisationNumber: raw['actorOrganisationNumber'] ? normaliseOrganisationNumber(raw['actorOrganisationNumber']) : null,
    libraryNumber,
    name: raw['actorName'] ?? null,
    municipalityNumber: raw['actorMunicipalityNumber'] ? raw['actorMunicipalityNumber'].padStart(4, '0') : null,
  };

  const fields: Record<string, unknown> = {};
  for (const field of fieldsOfTarget) {
    const value = raw[field];
    if (value === undefined || field.startsWith('actor')) continue;
    if (field === 'type') {
      const type = serviceTypeWords.get(normaliseHeader(value));
      if (type) fields['type'] = type;
      else fail('type', recordImportErrorCodes.serviceTypeUnknown, `"${value}" is no type of service; use one of ${serviceTypes.join(', ')}`);
    } else if (field === 'audiences') {
      const named = value.split(/\s*(?:[,;/]|\bog\b|\band\b)\s*/).filter(Boolean);
      const unknown = named.filter((word) => !audienceWords.has(normaliseHeader(word)));
      if (unknown.length > 0) fail('audiences', recordImportErrorCodes.audienceUnknown, `"${unknown.join('", "')}" is no audience; use ${audiences.join(', ')}`);
      else fields['audiences'] = [...new Set(named.map((word) => audienceWords.get(normaliseHeader(word))))];
    } else if (field === 'weeklyHours') {
      const number = numberOf(value);
      if (number === undefined) fail(field, recordImportErrorCodes.numberFormat, `"${value}" is not a number of hours`);
      else fields[field] = number;
    } else if (field === 'confirmedAt') {
      const day = dayOf(value);
      if (day === undefined) fail(field, recordImportErrorCodes.dateFormat, `"${value}" is not a date (write 31.01.2026 or 2026-01-31)`);
      else fields[field] = day;
    } else {
      fields[field] = value;
    }
  }
  const parsed = recordSchemas[target].safeParse(fields);
  if (!parsed.success) {
    for (const error of fieldErrorsFromIssues(parsed.error.issues)) {
      const field = error.path.split('.')[0] ?? error.path;
      errors.push({ ...error, path: field, params: { ...error.params, column: columnOf[field] ?? field } });
    }
  }
  if (!actor.organisationNumber && !actor.libraryNumber && !actor.name && !errors.some((e) => e.path.startsWith('actor'))) {
    errors.push({ path: 'actor', code: recordImportErrorCodes.actorMissing, message: 'The row names no actor: give its organisation number, library number or name', params: { column: '' } });
  }
  return { actor, fields: parsed.success ? (parsed.data as Record<string, unknown>) : fields, columnOf, errors };
}

/** A new record needs these fields; the errors name the column that should have given them. */
export function missingRecordFields(target: RecordImportTarget, fields: Record<string, unknown>, mapping: ColumnMapping, errors: readonly FieldError[]): FieldError[] {
  const required: Record<RecordImportTarget, readonly string[]> = { contact: ['name'], service: ['type', 'audiences'], opening_hours: ['openingHours'] };
  return required[target]
    .filter((field) => fields[field] === undefined && !errors.some((e) => e.path === field))
    .filter((field) => field !== 'openingHours' || fields['selfService'] === undefined)
    .map((field) => withColumn({ path: field, code: 'invalid_type', message: `A new ${target.replace('_', ' ')} record needs ${field}` }, mapping));
}
