import {
  actorFieldsPartnersChange,
  fieldErrorsFromIssues,
  actorCreateSchema,
  actorKindSchema,
  actorRuleViolations,
  actorUpdateSchema,
  formatOrganisationNumber,
  isLibraryKind,
  normaliseOrganisationNumber,
  parentRules,
  type ActorCreate,
  type ActorDetail,
  type ActorKind,
  type ActorUpdate,
  type FieldError,
} from '@kompetansebro/domain';

/** Every field the form edits, in the order the form shows them. */
export const actorFormFields = [
  'kind',
  'name',
  'shortName',
  'organisationNumber',
  'libraryNumber',
  'municipalityNumber',
  'parentId',
  'address',
  'website',
  'email',
  'phone',
  'description',
] as const satisfies ReadonlyArray<keyof ActorCreate>;
export type ActorFormField = (typeof actorFormFields)[number];

/** The fields a user who may update an actor but not restructure it changes (the form's contact-only mode): the domain's rule. */
export const actorContactFields = actorFieldsPartnersChange satisfies readonly ActorFormField[];

/** What the inputs hold: text, '' for nothing. */
export type ActorFormValues = Record<ActorFormField, string>;

/** What the API stores: text or null. */
type ActorFieldValues = { [K in ActorFormField]: K extends 'kind' ? ActorKind | null : string | null };

export const emptyActorFormValues: ActorFormValues = Object.fromEntries(actorFormFields.map((field) => [field, ''])) as ActorFormValues;

/** The id of a field's control: error summaries link to it. */
export const actorFieldId = (field: string) => `actor-${field}`;

export function isActorFormField(path: string): path is ActorFormField {
  return (actorFormFields as readonly string[]).includes(path);
}

/** An actor as the form shows it: nulls as empty, the organisation number spaced as printed. */
export function formValuesFromActor(actor: ActorDetail): ActorFormValues {
  const values = { ...emptyActorFormValues };
  for (const field of actorFormFields) values[field] = actor[field] ?? '';
  if (actor.organisationNumber) values.organisationNumber = formatOrganisationNumber(actor.organisationNumber);
  return values;
}

/** The form's text as the API wants it: trimmed, empty as null, the organisation number without spaces. */
export function fieldValuesFromForm(values: ActorFormValues): ActorFieldValues {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const kind = actorKindSchema.safeParse(values.kind);
  const organisationNumber = normaliseOrganisationNumber(values.organisationNumber);
  return {
    kind: kind.success ? kind.data : null,
    name: text(values.name),
    shortName: text(values.shortName),
    organisationNumber: organisationNumber === '' ? null : organisationNumber,
    libraryNumber: text(values.libraryNumber),
    municipalityNumber: text(values.municipalityNumber),
    parentId: text(values.parentId),
    address: text(values.address),
    website: text(values.website),
    email: text(values.email),
    phone: text(values.phone),
    description: text(values.description),
  };
}

/**
 * A new actor, empty fields left out; null when the values do not make one (the form's
 * validation says why). Parsed by the same schema as the API's, so the type is earned.
 */
export function toActorCreate(values: ActorFormValues): ActorCreate | null {
  const fields = fieldValuesFromForm(values);
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
  const parsed = actorCreateSchema.safeParse(given);
  return parsed.success ? parsed.data : null;
}

/** Only what changed since `base` (a field emptied is sent as null); null when not valid. */
export function toActorUpdate(values: ActorFormValues, base: ActorFormValues): ActorUpdate | null {
  const now = fieldValuesFromForm(values);
  const changes = Object.fromEntries(changedFields(values, base).map((field) => [field, now[field]]));
  const parsed = actorUpdateSchema.safeParse(changes);
  return parsed.success ? parsed.data : null;
}

/** Fields whose stored value differs between two versions of the form. */
export function changedFields(values: ActorFormValues, base: ActorFormValues): ActorFormField[] {
  const now = fieldValuesFromForm(values);
  const before = fieldValuesFromForm(base);
  return actorFormFields.filter((field) => now[field] !== before[field]);
}


/**
 * The checks the API will make, run before sending: the schema's (same as the server's) and
 * the domain's rules that need no database (library number only on libraries, a branch needs
 * its main library). `parentKind` is the chosen parent's kind when the form knows it.
 */
export function validateActorForm(values: ActorFormValues, parentKind: ActorKind | undefined): FieldError[] {
  const fields = fieldValuesFromForm(values);
  const parsed = actorCreateSchema.safeParse(fields);
  const errors = parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
  if (fields.kind) {
    const violations = actorRuleViolations(
      { kind: fields.kind, libraryNumber: fields.libraryNumber, parentId: fields.parentId },
      fields.parentId && parentKind ? { id: fields.parentId, kind: parentKind } : null,
    );
    // Whether a chosen parent exists only the API knows for sure.
    errors.push(...violations.filter((violation) => !(violation.code === 'parent_not_found' && !parentKind)));
  }
  // One message per field: the first is the one to fix first.
  const seen = new Set<string>();
  return errors.filter((error) => (seen.has(error.path) ? false : (seen.add(error.path), true)));
}

/** The kinds an actor of `kind` may belong to (none: it stands alone). */
export function parentKindsOf(kind: string): readonly ActorKind[] {
  const parsed = actorKindSchema.safeParse(kind);
  return parsed.success ? parentRules[parsed.data].parentKinds : [];
}

/**
 * What the contact-only form's intro lists as the county's to change, by the actor's kind: only a
 * library has a library number, and only a kind that can belong to another has "who you belong to".
 */
export function contactOnlyIntroOf(kind: string): 'library' | 'withParent' | 'standalone' {
  const parsed = actorKindSchema.safeParse(kind);
  if (parsed.success && isLibraryKind(parsed.data)) return 'library';
  return parentKindsOf(kind).length > 0 ? 'withParent' : 'standalone';
}

/** How `useFormState` reads an actor form: a field's path is its name. */
export const actorFormState = {
  changedFields,
  valueAt: (values: ActorFormValues, path: string) => (isActorFormField(path) ? values[path] : ''),
};
