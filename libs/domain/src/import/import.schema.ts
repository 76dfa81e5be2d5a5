import { z } from 'zod';
import { actorKindSchema, actorKinds, type ActorKind } from '../actor/actor-kind';
import { actorCreateSchema, type ActorCreate } from '../actor/actor.schema';
import { fieldErrorSchema, fieldErrorsFromIssues, type FieldError } from '../common/problem.schema';
import { libraryNumberSchema } from '../identifiers/library-number';
import { normaliseOrganisationNumber } from '../identifiers/organisation-number';
import { actorImportFields, importFieldSchema, importTargetSchema } from './import-fields';

/** At most this many rows in one file: larger registers are split, or imported in parts. */
export const MAX_IMPORT_ROWS = 50_000;
/** How long an applied import can be undone. */
export const IMPORT_UNDO_DAYS = 30;

export const actorImportFieldSchema = z.enum(actorImportFields);
export type ActorImportField = z.infer<typeof actorImportFieldSchema>;

/** The built-in formats: the National Library's library register and the Central Coordinating Register for Legal Entities. */
export const importFormats = ['custom', 'base_bibliotek', 'enhetsregisteret'] as const;
export const importFormatSchema = z.enum(importFormats);
export type ImportFormat = z.infer<typeof importFormatSchema>;

/** Which field each column of the file fills (null: not imported), and the kind of a row that names none (actors only). */
export const columnMappingSchema = z
  .object({
    format: importFormatSchema,
    columns: z.record(z.string(), importFieldSchema.nullable()),
    defaultKind: actorKindSchema.nullable(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

/** The published column names of the registers' exports (Base Bibliotek record fields; Enhetsregisteret's CSV bulk download, flattened with dots). */
const registerColumns: Record<Exclude<ImportFormat, 'custom'>, Record<string, ActorImportField>> = {
  base_bibliotek: {
    bibnr: 'libraryNumber',
    isil: 'isil',
    inst: 'name',
    inst_kort: 'shortName',
    bibltype: 'kind',
    kommnr: 'municipalityNumber',
    overordnet: 'parentLibraryNumber',
    vadr: 'address',
    vpostnr: 'postalCode',
    vpoststed: 'postalPlace',
    tlf: 'phone',
    epost_adr: 'email',
    url_hjem: 'website',
    orgnr: 'organisationNumber',
  },
  enhetsregisteret: {
    organisasjonsnummer: 'organisationNumber',
    navn: 'name',
    'organisasjonsform.kode': 'kind',
    'forretningsadresse.adresse': 'address',
    'forretningsadresse.postnummer': 'postalCode',
    'forretningsadresse.poststed': 'postalPlace',
    'forretningsadresse.kommunenummer': 'municipalityNumber',
    hjemmeside: 'website',
    epostadresse: 'email',
    telefon: 'phone',
  },
};

/** Headers people write in their own lists, by field (compared lower-case, without spaces, dashes and dots). */
const headerSynonyms: Record<ActorImportField, readonly string[]> = {
  kind: ['type', 'kind', 'aktørtype', 'kategori', 'bibliotektype'],
  name: ['navn', 'name', 'bibliotek', 'institusjon', 'aktør', 'virksomhet'],
  shortName: ['kortnavn', 'shortname', 'forkortelse'],
  organisationNumber: ['organisasjonsnummer', 'orgnr', 'orgnummer', 'organisationnumber'],
  libraryNumber: ['biblioteknummer', 'biblnr', 'librarynumber'],
  isil: ['isilkode'],
  municipalityNumber: ['kommunenummer', 'kommunenr', 'kommnr', 'komnr', 'municipalitynumber', 'municipality', 'kommune'],
  parentLibraryNumber: ['hovedbibliotek', 'overordnetbiblioteknummer'],
  address: ['adresse', 'besøksadresse', 'address', 'gateadresse'],
  postalCode: ['postnummer', 'postnr', 'postalcode'],
  postalPlace: ['poststed', 'sted', 'postalplace'],
  website: ['nettside', 'hjemmeside', 'url', 'website', 'nettadresse'],
  email: ['epost', 'e-post', 'email', 'mail', 'epostadresse'],
  phone: ['telefon', 'tlf', 'phone', 'telefonnummer'],
  description: ['beskrivelse', 'description', 'merknad', 'kommentar'],
};

export const normaliseHeader = (header: string) => header.trim().toLocaleLowerCase('nb').replace(/[\s_.-]+/g, '');

/**
 * Fields a register's row leaves as they are on an actor it matches: Enhetsregisteret writes names
 * in capitals, and a municipal library has the municipality's organisation number and form.
 */
export function fieldsKeptOnMatch(format: ImportFormat): readonly ActorImportField[] {
  return format === 'enhetsregisteret' ? ['name', 'kind'] : [];
}

/** The built-in format whose published columns the headers are, if any (most of its identifier columns present). */
export function detectFormat(headers: readonly string[]): ImportFormat {
  const present = new Set(headers.map((h) => h.trim().toLocaleLowerCase('nb')));
  if (present.has('bibnr') && present.has('inst')) return 'base_bibliotek';
  if (present.has('organisasjonsnummer') && present.has('navn') && present.has('organisasjonsform.kode')) return 'enhetsregisteret';
  return 'custom';
}

/** A mapping suggested from the headers: a built-in format's own, else each header by its synonyms (a field once). */
export function suggestMapping(headers: readonly string[], format: ImportFormat = detectFormat(headers)): ColumnMapping {
  const columns: Record<string, ActorImportField | null> = {};
  const taken = new Set<ActorImportField>();
  const known = format === 'custom' ? {} : registerColumns[format];
  for (const header of headers) {
    const byFormat = known[header.trim().toLocaleLowerCase('nb')];
    const normalised = normaliseHeader(header);
    const bySynonym = actorImportFields.find(
      (field) => !taken.has(field) && (normaliseHeader(field) === normalised || headerSynonyms[field].some((s) => normaliseHeader(s) === normalised)),
    );
    const field = byFormat ?? (format === 'custom' ? bySynonym : undefined) ?? null;
    columns[header] = field && !taken.has(field) ? field : null;
    if (field) taken.add(field);
  }
  return { format, columns, defaultKind: format === 'base_bibliotek' ? 'public_library' : format === 'enhetsregisteret' ? 'employer' : null };
}

/** Kind names a file may use: the API's own, Norwegian words, Base Bibliotek's library types, Enhetsregisteret's organisational forms. */
const kindWords: Record<string, ActorKind> = {
  folkebibliotek: 'public_library',
  bibliotek: 'public_library',
  fbi: 'public_library',
  filial: 'library_branch',
  fil: 'library_branch',
  fylkesbibliotek: 'county_library',
  fyb: 'county_library',
  universitetsbibliotek: 'university_library',
  uni: 'university_library',
  unb: 'university_library',
  høy: 'university_library',
  høgskolebibliotek: 'university_library',
  studiesenter: 'study_centre',
  universitet: 'university',
  campus: 'university_campus',
  karrieresenter: 'career_centre',
  videregåendeskole: 'upper_secondary_school',
  vgs: 'upper_secondary_school',
  opplæringskontor: 'training_office',
  kommune: 'municipality',
  komm: 'municipality',
  fylkeskommune: 'county_authority',
  fylk: 'county_authority',
  arbeidsgiver: 'employer',
};

/** The kind a cell names, or undefined when it names none. */
export function kindOfCell(value: string): ActorKind | undefined {
  const word = value.trim().toLocaleLowerCase('nb').replace(/\s+/g, '');
  if ((actorKinds as readonly string[]).includes(word)) return word as ActorKind;
  return kindWords[word];
}

/** A cell that a spreadsheet would run as a formula (`=cmd|…`, `+…`, `@…`); a phone number's leading + and a negative number are not. */
export function isFormulaCell(value: string): boolean {
  const text = value.trimStart();
  if (/^[=@]/.test(text)) return true;
  if (/^[+-]/.test(text)) return !/^[+-][\d\s.,]+$/.test(text);
  return /^[\t\r]/.test(value);
}

export const importErrorCodes = {
  formula: 'import_formula_cell',
  kindUnknown: 'import_kind_unknown',
  kindDiffers: 'import_kind_differs',
  isilFormat: 'import_isil_format',
  duplicateInFile: 'import_duplicate_in_file',
  identifiersDisagree: 'import_identifiers_disagree',
  parentNotFound: 'import_parent_not_found',
} as const;

const partialActorSchema = actorCreateSchema.partial();

/** One row of the file read through the mapping: the actor's fields it gives, and what is wrong with it. */
export interface MappedActorRow {
  /** The fields the row gives a value (an empty cell gives none: it leaves the field as it is). */
  fields: Partial<ActorCreate>;
  parentLibraryNumber: string | null;
  errors: FieldError[];
}

/**
 * Reads one row through the mapping and validates it with the actor's own schema. Each error
 * names the field (`path`) and the file's column (`params.column`).
 */
export function mapActorRow(cells: Readonly<Record<string, string>>, mapping: ColumnMapping): MappedActorRow {
  const errors: FieldError[] = [];
  const raw: Partial<Record<ActorImportField, string>> = {};
  const columnOf: Partial<Record<string, string>> = {};
  for (const [header, field] of Object.entries(mapping.columns)) {
    if (!field || !(actorImportFields as readonly string[]).includes(field)) continue;
    const value = (cells[header] ?? '').trim();
    if (value === '') continue;
    if (isFormulaCell(cells[header] ?? '')) {
      errors.push({ path: field, code: importErrorCodes.formula, message: `The cell is a formula; write the value itself`, params: { column: header } });
      continue;
    }
    raw[field as ActorImportField] = value;
    columnOf[field] = header;
  }
  const fields: Record<string, unknown> = {};
  const put = (field: keyof ActorCreate, value: string | undefined, source: ActorImportField) => {
    if (value !== undefined) {
      fields[field] = value;
      columnOf[field] ??= columnOf[source];
    }
  };
  put('name', raw.name, 'name');
  put('shortName', raw.shortName, 'shortName');
  put('organisationNumber', raw.organisationNumber && normaliseOrganisationNumber(raw.organisationNumber), 'organisationNumber');
  put('libraryNumber', raw.libraryNumber, 'libraryNumber');
  if (raw.isil !== undefined) {
    const match = /^NO-(\d{7})$/i.exec(raw.isil);
    if (match) put('libraryNumber', fields['libraryNumber'] === undefined ? match[1] : undefined, 'isil');
    else errors.push({ path: 'libraryNumber', code: importErrorCodes.isilFormat, message: 'A Norwegian ISIL is NO- and 7 digits', params: { column: columnOf.isil ?? 'isil' } });
  }
  put('municipalityNumber', raw.municipalityNumber && raw.municipalityNumber.padStart(4, '0'), 'municipalityNumber');
  const address = [raw.address, [raw.postalCode, raw.postalPlace].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  put('address', address || undefined, raw.address ? 'address' : raw.postalCode ? 'postalCode' : 'postalPlace');
  put('website', raw.website && (/^https?:\/\//i.test(raw.website) ? raw.website : `https://${raw.website}`), 'website');
  put('email', raw.email, 'email');
  put('phone', raw.phone, 'phone');
  put('description', raw.description, 'description');

  const kind = raw.kind === undefined ? mapping.defaultKind : kindOfCell(raw.kind) ?? mapping.defaultKind;
  if (raw.kind !== undefined && kindOfCell(raw.kind) === undefined && mapping.defaultKind === null) {
    errors.push({ path: 'kind', code: importErrorCodes.kindUnknown, message: `"${raw.kind}" is no kind of actor`, params: { column: columnOf.kind ?? 'kind' } });
  } else if (kind) {
    fields['kind'] = kind;
  }

  const parsed = partialActorSchema.safeParse(fields);
  if (!parsed.success) {
    for (const error of fieldErrorsFromIssues(parsed.error.issues)) {
      errors.push({ ...error, params: { ...error.params, column: columnOf[error.path] ?? error.path } });
    }
  }
  const parent = raw.parentLibraryNumber ?? null;
  if (parent !== null && !libraryNumberSchema.safeParse(parent).success) {
    errors.push({ path: 'parentId', code: 'library_number_format', message: 'The parent library is named by its 7-digit library number', params: { column: columnOf.parentLibraryNumber ?? 'parentLibraryNumber' } });
  }
  return { fields: parsed.success ? parsed.data : (fields as Partial<ActorCreate>), parentLibraryNumber: parent, errors };
}

/** The file's own header of the column mapped to a field (undefined: no column gives it). */
function headerOf(mapping: ColumnMapping, field: string): string | undefined {
  return Object.entries(mapping.columns).find(([, f]) => f === field)?.[0];
}

/** A row's error naming the file's column of its field (params.column), when the error does not name one yet and a column gives the field. */
export function withColumn(error: FieldError, mapping: ColumnMapping): FieldError {
  if (error.params?.['column'] !== undefined) return error;
  const header = headerOf(mapping, error.path === 'parentId' ? 'parentLibraryNumber' : error.path);
  return header === undefined ? error : { ...error, params: { ...error.params, column: header } };
}

/** A new actor needs a kind and a name; the errors name the column that should have given them, if one was mapped. */
export function missingRequiredErrors(fields: Partial<ActorCreate>, mapping: ColumnMapping, errors: readonly FieldError[]): FieldError[] {
  return (['kind', 'name'] as const)
    .filter((field) => fields[field] === undefined && !errors.some((e) => e.path === field))
    .map((field) => withColumn({ path: field, code: 'invalid_type', message: `A new actor needs a ${field}` }, mapping));
}

// ---------------------------------------------------------------------------- the API's shapes

export const importStatuses = ['uploaded', 'applied', 'undone'] as const;
export const importRowStatuses = ['new', 'changed', 'unchanged', 'rejected'] as const;
export type ImportRowStatus = (typeof importRowStatuses)[number];

const countsSchema = z.object({ new: z.number().int(), changed: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() });

export const importJobKinds = ['preview', 'apply'] as const;
export const importJobStatuses = ['queued', 'running', 'done', 'failed'] as const;

/** The import's preview or apply, a job on the queue: how far it is, and why it failed. */
export const importJobSchema = z.object({
  kind: z.enum(importJobKinds),
  status: z.enum(importJobStatuses),
  /** What the rows go through now: checked against the register (a preview, and an apply first), then written (an apply). */
  phase: z.enum(['checking', 'writing']),
  /** Rows done of the total in this phase. */
  done: z.number().int(),
  total: z.number().int(),
  attempts: z.number().int(),
  /** Why it failed, in words for the county; null unless failed (or failed once and queued again). */
  error: z.string().nullable(),
  queuedAt: z.iso.datetime({ offset: true }),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** A job still to finish: the screen follows its progress. */
export const importJobActive = (job: ImportJob | null | undefined): boolean => job?.status === 'queued' || job?.status === 'running';

export const importSummarySchema = z.object({
  id: z.uuid(),
  /** What the file holds: actors, contacts, services or opening hours. */
  target: importTargetSchema,
  fileName: z.string(),
  status: z.enum(importStatuses),
  rowCount: z.number().int(),
  createdAt: z.iso.datetime({ offset: true }),
  appliedAt: z.iso.datetime({ offset: true }).nullable(),
  undoneAt: z.iso.datetime({ offset: true }).nullable(),
  /** Until when an applied import can be undone. */
  undoUntil: z.iso.datetime({ offset: true }).nullable(),
  counts: countsSchema.nullable(),
  /** The preview or apply last queued (null: none yet). */
  job: importJobSchema.nullable(),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

export const importDetailSchema = importSummarySchema.extend({
  headers: z.array(z.string()),
  /** The first rows of the file, as read (for choosing the mapping). */
  sample: z.array(z.array(z.string())),
  suggested: columnMappingSchema,
  mapping: columnMappingSchema.nullable(),
});
export type ImportDetail = z.infer<typeof importDetailSchema>;

/** Why a row may be a record already in the register: an actor's identifiers or name in its municipality; a contact's e-mail, or her name at the same actor. */
export const duplicateReasons = ['organisation_number', 'library_number', 'name_in_municipality', 'email', 'name_at_actor'] as const;
const duplicateSchema = z.object({ id: z.uuid(), name: z.string(), reason: z.enum(duplicateReasons) });

export const importPreviewRowSchema = z.object({
  /** The row's line in the file (the header is line 1). */
  line: z.number().int(),
  status: z.enum(importRowStatuses),
  name: z.string().nullable(),
  /** The actor the row updates (for contacts, services and opening hours: the actor they belong to). */
  actorId: z.uuid().nullable(),
  /** Field by field, what changes: before → after. */
  changes: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })),
  errors: z.array(fieldErrorSchema),
  /** Live actors the row may be the same organisation as (a new row only); for contacts, stored contacts she may be (same e-mail, or same name at the actor). */
  likelyDuplicates: z.array(duplicateSchema),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importPreviewSchema = z.object({
  id: z.uuid(),
  counts: countsSchema,
  /** Rows that are new, changed or rejected, and those with likely duplicates; unchanged rows are counted only. */
  rows: z.array(importPreviewRowSchema),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;

export const importPreviewRequestSchema = columnMappingSchema
  .extend({ saveAs: z.string().trim().min(1).max(100).optional().meta({ description: 'Save the mapping under this name for the next file' }) })
  .strict();
export type ImportPreviewRequest = z.infer<typeof importPreviewRequestSchema>;

export const savedMappingSchema = z.object({ id: z.uuid(), name: z.string(), mapping: columnMappingSchema, updatedAt: z.iso.datetime({ offset: true }) });
export type SavedMapping = z.infer<typeof savedMappingSchema>;
