import {
  activityCreateSchema,
  activityKindSchema,
  activityLinkKinds,
  activityRuleViolations,
  fieldErrorsFromIssues,
  type ActivityCreate,
  type ActivityDetail,
  type ActivityUpdate,
  type FieldError,
  parseWholeNumberText,
} from '@kompetansebro/domain';

export interface ParticipantRow {
  actorId: string;
  /** Shown in the form; not sent. */
  actorName: string;
  /** What the input holds: '' for not known. */
  headCount: string;
}

export interface LinkRow {
  kind: string;
  label: string;
  url: string;
}

/** What the inputs hold: text, '' for nothing. */
export interface ActivityFormValues {
  kind: string;
  title: string;
  startDate: string;
  endDate: string;
  startTime: string;
  endTime: string;
  place: string;
  onlineUrl: string;
  organiserId: string;
  description: string;
  participants: ParticipantRow[];
  links: LinkRow[];
}

export type ActivityFormField =
  | 'kind'
  | 'title'
  | 'startDate'
  | 'endDate'
  | 'startTime'
  | 'endTime'
  | 'place'
  | 'onlineUrl'
  | 'organiserId'
  | 'description'
  | 'participants'
  | 'links';
export const activityFormFields: readonly ActivityFormField[] = [
  'kind',
  'title',
  'startDate',
  'endDate',
  'startTime',
  'endTime',
  'place',
  'onlineUrl',
  'organiserId',
  'description',
  'participants',
  'links',
];

export const emptyActivityFormValues: ActivityFormValues = {
  kind: '',
  title: '',
  startDate: '',
  endDate: '',
  startTime: '',
  endTime: '',
  place: '',
  onlineUrl: '',
  organiserId: '',
  description: '',
  participants: [],
  links: [],
};

/** The id of the control an error path points at ("participants.2.headCount" → "activity-participants-2-headCount"). */
export const activityFieldId = (path: string) => `activity-${path.replace(/\./g, '-')}`;

export function formValuesFromActivity(activity: ActivityDetail): ActivityFormValues {
  return {
    kind: activity.kind,
    title: activity.title,
    startDate: activity.startDate,
    endDate: activity.endDate ?? '',
    startTime: activity.startTime ?? '',
    endTime: activity.endTime ?? '',
    place: activity.place ?? '',
    onlineUrl: activity.onlineUrl ?? '',
    organiserId: activity.organiserId ?? '',
    description: activity.description ?? '',
    participants: activity.participants.map((participant) => ({
      actorId: participant.actorId,
      actorName: participant.actorName,
      headCount: participant.headCount === null ? '' : String(participant.headCount),
    })),
    links: activity.links.map((link) => ({ ...link })),
  };
}

const text = (value: string) => (value.trim() === '' ? null : value.trim());

/** A head count as typed: '' is "not known"; anything but a whole number is kept as NaN so the schema refuses it. */
function headCountOf(value: string): number | null {
  if (value.trim() === '') return null;
  // "1 200" as Norwegians type it (parseNumberText).
  return parseWholeNumberText(value) ?? Number.NaN;
}

/** The form as the API takes it (every field; the schema decides whether it is valid). */
export function fieldValuesFromForm(values: ActivityFormValues) {
  const kind = activityKindSchema.safeParse(values.kind);
  return {
    kind: kind.success ? kind.data : values.kind === '' ? undefined : values.kind,
    title: values.title.trim(),
    startDate: values.startDate === '' ? undefined : values.startDate,
    endDate: values.endDate === '' ? null : values.endDate,
    startTime: text(values.startTime),
    endTime: text(values.endTime),
    place: text(values.place),
    onlineUrl: text(values.onlineUrl),
    organiserId: text(values.organiserId),
    description: text(values.description),
    participants: values.participants.map((participant) => ({ actorId: participant.actorId, headCount: headCountOf(participant.headCount) })),
    links: values.links.map((link) => ({ kind: link.kind || 'other', label: link.label.trim(), url: link.url.trim() })),
  };
}

/** A new activity, or null when the values do not make one (the validation says why). */
export function toActivityCreate(values: ActivityFormValues): ActivityCreate | null {
  const parsed = activityCreateSchema.safeParse(fieldValuesFromForm(values));
  return parsed.success ? parsed.data : null;
}

/** Fields whose value differs between two versions of the form. */
export function changedFields(values: ActivityFormValues, base: ActivityFormValues): ActivityFormField[] {
  const now = fieldValuesFromForm(values);
  const before = fieldValuesFromForm(base);
  return activityFormFields.filter((field) => JSON.stringify(now[field]) !== JSON.stringify(before[field]));
}

/** Only what changed since `base`; null when not valid. */
export function toActivityUpdate(values: ActivityFormValues, base: ActivityFormValues): ActivityUpdate | null {
  const create = toActivityCreate(values);
  if (!create) return null;
  const all: ActivityUpdate = {
    kind: create.kind,
    title: create.title,
    startDate: create.startDate,
    endDate: create.endDate ?? null,
    startTime: create.startTime ?? null,
    endTime: create.endTime ?? null,
    place: create.place ?? null,
    onlineUrl: create.onlineUrl ?? null,
    organiserId: create.organiserId ?? null,
    description: create.description ?? null,
    participants: create.participants ?? [],
    links: create.links ?? [],
  };
  return Object.fromEntries(changedFields(values, base).map((field) => [field, all[field]])) as ActivityUpdate;
}

/**
 * The checks the API will make, run before sending: the schema's (the same as the server's)
 * and the domain's rules (an end before the start, an actor listed twice). One message per field.
 */
export function validateActivityForm(values: ActivityFormValues): FieldError[] {
  const fields = fieldValuesFromForm(values);
  const parsed = activityCreateSchema.safeParse(fields);
  const errors = parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
  if (fields.startDate) {
    errors.push(
      ...activityRuleViolations({
        startDate: fields.startDate,
        endDate: fields.endDate,
        startTime: fields.startTime,
        endTime: fields.endTime,
        participants: fields.participants,
      }),
    );
  }
  const seen = new Set<string>();
  return errors.filter((error) => (seen.has(error.path) ? false : (seen.add(error.path), true)));
}

export const linkKinds = activityLinkKinds;

/** What a path of the form holds now ("participants.1.headCount" → that row's head count). */
export function valueAt(values: ActivityFormValues, path: string): string {
  const [field, index, key] = path.split('.');
  if (field === 'participants' || field === 'links') {
    const row = (values[field] as unknown as ReadonlyArray<Record<string, string>>)[Number(index)];
    return key && row ? (row[key] ?? '') : String(values[field].length);
  }
  const value = values[field as keyof ActivityFormValues];
  return typeof value === 'string' ? value : '';
}

/** How `useFormState` reads an activity form. */
export const activityFormState = { changedFields, valueAt };
