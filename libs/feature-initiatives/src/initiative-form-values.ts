import {
  fieldErrorsFromIssues,
  initiativeCreateSchema,
  initiativeRuleViolations,
  parseNumberText,
  type CollaborationLevel,
  type ExtensionInput,
  type FieldError,
  type InitiativeCreate,
  type InitiativeDetail,
  type InitiativeKind,
  type InitiativeUpdate,
  type MaturityLevel,
  type ThematicArea,
} from '@kompetansebro/domain';
import { intlLocale } from '@kompetansebro/i18n';

export interface ExtensionRow {
  id?: string;
  askedOn: string;
  requestedEnd: string;
  status: ExtensionInput['status'];
  decidedOn: string;
  note: string;
}

/** What the inputs of the initiative form hold: text, '' for nothing (a new initiative has no kind yet). */
export interface InitiativeFormValues {
  kind: InitiativeKind | '';
  title: string;
  description: string;
  startDate: string;
  plannedEndDate: string;
  granted: string;
  spent: string;
  maturityLevel: string;
  societalEffect: string;
  themes: ThematicArea[];
  levels: CollaborationLevel[];
  goals: Array<{ id?: string; text: string }>;
  extensions: ExtensionRow[];
}

export const emptyInitiativeFormValues: InitiativeFormValues = {
  kind: '',
  title: '',
  description: '',
  startDate: '',
  plannedEndDate: '',
  granted: '',
  spent: '',
  maturityLevel: '',
  societalEffect: '',
  themes: [],
  levels: [],
  goals: [],
  extensions: [],
};

/** A new extension row: asked for, nothing filled in yet. */
export const emptyExtensionRow: ExtensionRow = { askedOn: '', requestedEnd: '', status: 'asked', decidedOn: '', note: '' };

/** The id of the control an error path points at ("extensions.1.askedOn" → "initiative-extensions-1-askedOn"). */
export const initiativeFieldId = (path: string) => `initiative-${path.replace(/\./g, '-')}`;

/** "1 500 000,5" as the field shows an amount (grouped, decimal comma; parseAmount reads it back). */
const amountText = (value: number | undefined) =>
  value === undefined ? '' : new Intl.NumberFormat(intlLocale('nb'), { maximumFractionDigits: 2, useGrouping: true }).format(value).replace(/[\u00a0\u202f]/g, ' ');

export function formValuesFromInitiative(initiative: InitiativeDetail): InitiativeFormValues {
  return {
    kind: initiative.kind,
    title: initiative.title,
    description: initiative.description ?? '',
    startDate: initiative.startDate ?? '',
    plannedEndDate: initiative.plannedEndDate ?? '',
    granted: amountText(initiative.budget?.granted),
    spent: amountText(initiative.budget?.spent),
    maturityLevel: initiative.maturityLevel ?? '',
    societalEffect: initiative.societalEffect == null ? '' : String(initiative.societalEffect),
    themes: [...initiative.themes],
    levels: [...initiative.levels],
    goals: initiative.goals.map((goal) => ({ id: goal.id, text: goal.text })),
    extensions: initiative.extensions.map((e) => ({ id: e.id, askedOn: e.askedOn, requestedEnd: e.requestedEnd, status: e.status, decidedOn: e.decidedOn ?? '', note: e.note ?? '' })),
  };
}

/** "1 250 000,50" (spaces, no-break spaces, comma or point) → 1250000.5; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  return parseNumberText(text, { decimals: 2, units: ['kr'] });
}

/** The initiative's own fields as the API takes them (every field; the kind left out while none is chosen). */
function fieldValuesFromForm(values: InitiativeFormValues) {
  const granted = parseAmount(values.granted);
  const spent = parseAmount(values.spent);
  const extensions: ExtensionInput[] = values.extensions.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    askedOn: row.askedOn,
    requestedEnd: row.requestedEnd,
    status: row.status,
    decidedOn: row.decidedOn || null,
    note: row.note.trim() || null,
  }));
  return {
    ...(values.kind ? { kind: values.kind } : {}),
    title: values.title.trim(),
    description: values.description.trim() || null,
    startDate: values.startDate || null,
    plannedEndDate: values.plannedEndDate || null,
    budget: granted !== null && spent !== null ? { granted, spent } : null,
    maturityLevel: (values.maturityLevel || null) as MaturityLevel | null,
    societalEffect: values.societalEffect ? Number(values.societalEffect) : null,
    themes: values.themes,
    levels: values.levels,
    goals: values.goals.map((goal) => ({ ...(goal.id ? { id: goal.id } : {}), text: goal.text.trim() })),
    extensions,
  };
}

/** An emptied goal row is a goal removed. */
const keptGoals = (goals: ReturnType<typeof fieldValuesFromForm>['goals']) => goals.filter((goal) => goal.text !== '');

/** Every field of the initiative, as the edit form saves it (lists given replace the stored ones). */
export function toInitiativeUpdate(values: InitiativeFormValues): InitiativeUpdate {
  const fields = fieldValuesFromForm(values);
  return { ...fields, goals: keptGoals(fields.goals) };
}

/** A new initiative, or null while it has no kind (the validation says so). */
export function toInitiativeCreate(values: InitiativeFormValues): InitiativeCreate | null {
  const { kind } = values;
  return kind === '' ? null : { ...toInitiativeUpdate(values), kind, title: values.title.trim() };
}

/**
 * The form's checks before anything is sent, for a new initiative and a changed one alike (the
 * API checks again): the amounts as amounts, both or neither of granted and spent, each
 * extension's dates filled in; the schema the API parses a new initiative with (a kind, a title
 * of at least 3 characters, goals of at least 3); and the domain's rules (the period runs
 * forward, an extension is decided after it was asked for and ends later). One error per field, the first found.
 */
export function validateInitiativeForm(values: InitiativeFormValues): FieldError[] {
  const errors: FieldError[] = [];
  for (const field of ['granted', 'spent'] as const) {
    const text = values[field].trim();
    const other = values[field === 'granted' ? 'spent' : 'granted'].trim();
    if (text === '' && other !== '') errors.push({ path: `budget.${field}`, code: 'invalid_type', message: '' });
    else if (text !== '' && parseAmount(text) === null) errors.push({ path: `budget.${field}`, code: 'amount', message: '' });
  }
  values.extensions.forEach((row, index) => {
    for (const key of ['askedOn', 'requestedEnd'] as const) {
      if (row[key] === '') errors.push({ path: `extensions.${index}.${key}`, code: 'invalid_type', message: '' });
    }
  });
  const fields = fieldValuesFromForm(values);
  const parsed = initiativeCreateSchema.safeParse(fields);
  // Goals are checked row by row: an emptied row is a goal removed, not one refused.
  if (!parsed.success) errors.push(...fieldErrorsFromIssues(parsed.error.issues).filter((error) => !/^goals\.\d+\.text$/.test(error.path) || valueAt(values, error.path).trim() !== ''));
  // The rules compare dates: an extension without both of its dates is refused above, not compared.
  const complete = (path: string) => {
    const row = /^extensions\.(\d+)\./.exec(path);
    const extension = row ? values.extensions[Number(row[1])] : undefined;
    return !row || (extension !== undefined && extension.askedOn !== '' && extension.requestedEnd !== '');
  };
  errors.push(
    ...initiativeRuleViolations({ parentId: null, startDate: fields.startDate, plannedEndDate: fields.plannedEndDate, extensions: fields.extensions, goals: [], policyAnchors: [] }).filter((error) =>
      complete(error.path),
    ),
  );
  const seen = new Set<string>();
  return errors.filter((error) => (seen.has(error.path) ? false : (seen.add(error.path), true)));
}

/** The fields in the order the form shows them, so the error summary reads top to bottom. */
const fieldOrder = ['title', 'kind', 'description', 'maturityLevel', 'societalEffect', 'goals', 'themes', 'levels', 'budget', 'startDate', 'plannedEndDate', 'extensions'];

/** Errors in the order of their fields in the form (then by row), whether the form or the API found them. */
export function inFormOrder<E extends FieldError>(errors: readonly E[]): E[] {
  const rank = (path: string) => {
    const [field, index] = path.split('.');
    const at = fieldOrder.indexOf(field ?? '');
    return [at < 0 ? fieldOrder.length : at, Number(index) || 0] as const;
  };
  return [...errors].sort((a, b) => {
    const [fieldA, rowA] = rank(a.path);
    const [fieldB, rowB] = rank(b.path);
    return fieldA - fieldB || rowA - rowB;
  });
}

/** What a path of the form holds now ("budget.spent" → the spent field, "extensions.0.askedOn" → that row's date). */
export function valueAt(values: InitiativeFormValues, path: string): string {
  const [field, index, key] = path.split('.');
  if (field === 'budget') return values[index === 'spent' ? 'spent' : 'granted'];
  if (field === 'goals') return values.goals[Number(index)]?.text ?? '';
  if (field === 'extensions') return String((values.extensions[Number(index)] as unknown as Record<string, string> | undefined)?.[key ?? ''] ?? '');
  const value = values[field as keyof InitiativeFormValues];
  return typeof value === 'string' ? value : '';
}

const formFields = Object.keys(emptyInitiativeFormValues) as Array<keyof InitiativeFormValues>;

/** Fields whose value differs between two versions of the form. */
export function changedFields(values: InitiativeFormValues, base: InitiativeFormValues): Array<keyof InitiativeFormValues> {
  return formFields.filter((field) => JSON.stringify(values[field]) !== JSON.stringify(base[field]));
}

/** How `useFormState` reads an initiative form. */
export const initiativeFormState = { changedFields, valueAt };
