import {
  agreementCreateSchema,
  agreementRuleViolations,
  fieldErrorsFromIssues,
  type ActorKind,
  type AgreementCreate,
  type AgreementDetail,
  type AgreementKind,
  type CollaborationLevel,
  type FieldError,
  type PartyRole,
  type ThematicArea,
} from '@kompetansebro/domain';

/** The steps of the create form, in order. */
export const agreementSteps = ['basics', 'parties', 'services', 'period', 'review'] as const;
export type AgreementStep = (typeof agreementSteps)[number];

export interface AgreementFormParty {
  actorId: string;
  actorName: string;
  actorKind: ActorKind;
  role: PartyRole | '';
  serviceIds: string[];
  /** A party the app fixes (a study centre's own centre): it cannot be removed. */
  fixed: boolean;
}

/** What the inputs hold: text '' for nothing, lists for the choices. */
export interface AgreementFormValues {
  title: string;
  kind: AgreementKind | '';
  description: string;
  parties: AgreementFormParty[];
  startDate: string;
  endDate: string;
  levels: CollaborationLevel[];
  themes: ThematicArea[];
}

export const emptyAgreementFormValues: AgreementFormValues = {
  title: '',
  kind: '',
  description: '',
  parties: [],
  startDate: '',
  endDate: '',
  levels: [],
  themes: [],
};

/** The form over an agreement as it is (to edit it); `fixedId`: the party the app keeps (a centre's own). */
export function formValuesOfAgreement(agreement: AgreementDetail, fixedId: string | null = null): AgreementFormValues {
  return {
    title: agreement.title,
    kind: agreement.kind,
    description: agreement.description ?? '',
    parties: agreement.parties.map((party) => ({
      actorId: party.actorId,
      actorName: party.actorName,
      actorKind: party.actorKind,
      role: party.role,
      serviceIds: party.services.map((service) => service.serviceId),
      fixed: party.actorId === fixedId,
    })),
    startDate: agreement.startDate ?? '',
    endDate: agreement.endDate ?? '',
    levels: [...agreement.levels],
    themes: [...agreement.themes],
  };
}

/** The fields whose values differ between two versions of the form. */
export function changedAgreementFields(values: AgreementFormValues, base: AgreementFormValues): Array<keyof AgreementFormValues> {
  return (Object.keys(emptyAgreementFormValues) as Array<keyof AgreementFormValues>).filter((field) => JSON.stringify(values[field]) !== JSON.stringify(base[field]));
}

/** The role a party most often has, by its kind: a study centre coordinates, a library provides services. */
export function defaultRoleOf(kind: ActorKind): PartyRole {
  if (kind === 'study_centre') return 'coordinator';
  if (kind === 'public_library' || kind === 'library_branch' || kind === 'university_library') return 'service_provider';
  return 'partner';
}

/** The request body the values make (not yet checked: the schema does that). */
export function agreementInputOf(values: AgreementFormValues): Record<string, unknown> {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const input: Record<string, unknown> = {
    title: values.title.trim(),
    kind: values.kind === '' ? undefined : values.kind,
    description: text(values.description),
    startDate: text(values.startDate),
    endDate: text(values.endDate),
    levels: values.levels,
    themes: values.themes,
    parties: values.parties.map((party) => ({
      actorId: party.actorId,
      role: party.role === '' ? undefined : party.role,
      serviceIds: party.serviceIds,
    })),
  };
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

/** The create request, or null when the values do not make one (validation says why). */
export function toAgreementCreate(values: AgreementFormValues): AgreementCreate | null {
  const parsed = agreementCreateSchema.safeParse(agreementInputOf(values));
  return parsed.success ? parsed.data : null;
}

/** Which step shows the field an error path names (an API error lands on the step that can fix it). */
export function stepOfPath(path: string): AgreementStep {
  const [head, , leaf] = path.split('.');
  if (head === 'title' || head === 'kind' || head === 'description') return 'basics';
  if (head === 'parties') return leaf === 'serviceIds' ? 'services' : 'parties';
  if (head === 'startDate' || head === 'endDate' || head === 'levels' || head === 'themes') return 'period';
  return 'review';
}

/** The id of the control an error path is about: the error summary links to it. */
export function agreementFieldId(path: string): string {
  const [head, index, leaf] = path.split('.');
  if (head === 'parties') {
    if (index === undefined || !/^\d+$/.test(index)) return 'agreement-party-search';
    if (leaf === 'serviceIds') return `agreement-party-${index}-services`;
    // The party's role select stands for the party itself (unknown actor, duplicate).
    return `agreement-party-${index}-role`;
  }
  return `agreement-${head ?? 'title'}`;
}

/**
 * The checks the API will make that need no database — the schema's and the domain's rules
 * (two different parties, end not before start) — for one step, or all of them.
 */
export function validateAgreementForm(values: AgreementFormValues, step: AgreementStep | 'all'): FieldError[] {
  const parsed = agreementCreateSchema.safeParse(agreementInputOf(values));
  const errors = parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
  errors.push(
    ...agreementRuleViolations({
      parties: values.parties.map((p) => ({ actorId: p.actorId, role: p.role || 'partner', serviceIds: p.serviceIds })),
      startDate: values.startDate || null,
      endDate: values.endDate || null,
    }),
  );
  return step === 'all' || step === 'review' ? errors : errors.filter((error) => stepOfPath(error.path) === step);
}

/** The first step, in form order, that has one of the errors. */
export function firstStepWithErrors(errors: readonly FieldError[]): AgreementStep | null {
  const steps = new Set(errors.map((error) => stepOfPath(error.path)));
  return agreementSteps.find((step) => steps.has(step)) ?? null;
}
