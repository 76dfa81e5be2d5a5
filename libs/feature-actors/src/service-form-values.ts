import {
  fieldErrorsFromIssues,
  serviceCreateSchema,
  serviceUpdateSchema,
  type FieldError,
  type Service,
  type ServiceConditionsInput,
  type ServiceCreate,
  type ServiceUpdate,
  parseNumberText,
} from '@kompetansebro/domain';

/** Every field the service form edits, in the order it shows them. */
export const serviceFormFields = [
  'type',
  'audiences',
  'hours',
  'weeklyHours',
  'description',
  'ageLimit',
  'contractRequired',
  'bookingLeadTimeDays',
  'capacity',
  'note',
] as const;
export type ServiceFormField = (typeof serviceFormFields)[number];

/**
 * What the inputs hold, all as text so one comparison finds what changed: audiences as a
 * comma list in the order of the domain's list, the checkbox as 'true' or 'false', '' for nothing.
 */
export type ServiceFormValues = Record<ServiceFormField, string>;

const conditionFields = ['hours', 'ageLimit', 'contractRequired', 'bookingLeadTimeDays', 'capacity', 'note'] as const;
type ConditionField = (typeof conditionFields)[number];
const isConditionField = (field: string): field is ConditionField => (conditionFields as readonly string[]).includes(field);

const numberFields = ['weeklyHours', 'ageLimit', 'bookingLeadTimeDays', 'capacity'] as const;
type NumberField = (typeof numberFields)[number];

export const emptyServiceFormValues: ServiceFormValues = {
  type: '',
  audiences: 'students',
  hours: '',
  weeklyHours: '',
  description: '',
  ageLimit: '',
  contractRequired: 'false',
  bookingLeadTimeDays: '',
  capacity: '',
  note: '',
};

/** Decimal numbers as Norwegians write them (37,5). */
function numberText(value: number | null): string {
  return value === null ? '' : String(value).replace('.', ',');
}

export function formValuesFromService(service: Service): ServiceFormValues {
  const { conditions } = service;
  return {
    type: service.type,
    audiences: service.audiences.join(','),
    hours: conditions.hours ?? '',
    weeklyHours: numberText(service.weeklyHours),
    description: service.description ?? '',
    ageLimit: numberText(conditions.ageLimit),
    contractRequired: String(conditions.contractRequired),
    bookingLeadTimeDays: numberText(conditions.bookingLeadTimeDays),
    capacity: numberText(conditions.capacity),
    note: conditions.note ?? '',
  };
}

/** The fields whose values differ. */
export function changedServiceFields(values: ServiceFormValues, base: ServiceFormValues): ServiceFormField[] {
  return serviceFormFields.filter((field) => values[field].trim() !== base[field].trim());
}

/** The id of a field's control, for labels and the error summary's links. */
export function serviceFieldId(formId: string, field: string): string {
  return `${formId}-${field === 'audiences' ? 'audiences-students' : field}`;
}

/** A field of the form the error is about (the API names conditions as `conditions.ageLimit`). */
export function serviceFieldOfPath(path: string): ServiceFormField | null {
  const field = path.replace(/^conditions\./, '');
  return (serviceFormFields as readonly string[]).includes(field) ? (field as ServiceFormField) : null;
}

type Parsed = { values: Record<NumberField, number | null>; errors: FieldError[] };

/** The number fields as numbers (comma or point, spaces as thousands separators); text that is no number is an error. */
function parseNumbers(values: ServiceFormValues): Parsed {
  const parsed = {} as Record<NumberField, number | null>;
  const errors: FieldError[] = [];
  for (const field of numberFields) {
    if (values[field].trim() === '') {
      parsed[field] = null;
      continue;
    }
    // "1 200,5" as Norwegians type it (the schema decides the range and whether decimals fit).
    const number = parseNumberText(values[field], { negative: true });
    if (number === null) errors.push({ path: field, code: 'not_a_number', message: 'Not a number' });
    else parsed[field] = number;
  }
  return { values: parsed, errors };
}

function fieldValue(field: ServiceFormField, values: ServiceFormValues, numbers: Record<NumberField, number | null>): unknown {
  if (field === 'audiences') return values.audiences.split(',').filter(Boolean);
  if (field === 'contractRequired') return values.contractRequired === 'true';
  if ((numberFields as readonly string[]).includes(field)) return numbers[field as NumberField];
  const text = values[field].trim();
  return text === '' ? null : text;
}

/** Schema errors as the form names them: conditions.capacity is the field "capacity". */
function formErrors(errors: readonly FieldError[]): FieldError[] {
  return errors.map((error) => ({ ...error, path: serviceFieldOfPath(error.path) ?? error.path }));
}

/** The new service to send, or the errors to show beside the fields. */
export function toServiceCreate(actorId: string, values: ServiceFormValues): { input: ServiceCreate } | { errors: FieldError[] } {
  const numbers = parseNumbers(values);
  const conditions: Record<string, unknown> = {};
  for (const field of conditionFields) conditions[field] = fieldValue(field, values, numbers.values);
  const candidate = {
    actorId,
    type: values.type === '' ? undefined : values.type,
    audiences: fieldValue('audiences', values, numbers.values),
    description: fieldValue('description', values, numbers.values),
    weeklyHours: numbers.values.weeklyHours,
    conditions,
  };
  const parsed = serviceCreateSchema.safeParse(candidate);
  const errors = [...numbers.errors, ...(parsed.success ? [] : formErrors(fieldErrorsFromIssues(parsed.error.issues)))];
  // A field that is not a number has one message, not two.
  const unique = errors.filter((error, index) => errors.findIndex((other) => other.path === error.path) === index);
  return unique.length > 0 || !parsed.success ? { errors: unique } : { input: parsed.data };
}

/** Only what the user changed since `base` (conditions are merged by the API), or the errors. */
export function toServiceUpdate(values: ServiceFormValues, base: ServiceFormValues): { changes: ServiceUpdate } | { errors: FieldError[] } {
  const numbers = parseNumbers(values);
  const changed = changedServiceFields(values, base);
  const changes: Record<string, unknown> = {};
  const conditions: Record<string, unknown> = {};
  for (const field of changed) {
    if (field === 'type') continue;
    const value = fieldValue(field, values, numbers.values);
    if (isConditionField(field)) conditions[field] = value;
    else changes[field] = value;
  }
  if (Object.keys(conditions).length > 0) changes['conditions'] = conditions as ServiceConditionsInput;
  const parsed = serviceUpdateSchema.safeParse(changes);
  const errors = [...numbers.errors, ...(parsed.success ? [] : formErrors(fieldErrorsFromIssues(parsed.error.issues)))];
  const unique = errors.filter((error, index) => errors.findIndex((other) => other.path === error.path) === index);
  return unique.length > 0 || !parsed.success ? { errors: unique } : { changes: parsed.data };
}

/** How `useFormState` reads a service form: an error's path names its field ("conditions.capacity" → capacity). */
export const serviceFormState = {
  changedFields: changedServiceFields,
  valueAt: (values: ServiceFormValues, path: string) => values[serviceFieldOfPath(path) ?? 'type'],
};
