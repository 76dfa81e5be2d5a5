import { fieldErrorsFromIssues, inviteUserSchema, roleFitsOrganisation, roleSchema, type ActorKind, type FieldError, type InviteUser } from '@kompetansebro/domain';

export const inviteFields = ['email', 'name', 'organisationId', 'role'] as const;
export type InviteField = (typeof inviteFields)[number];
export type InviteFormValues = Record<InviteField, string>;

export const emptyInviteValues: InviteFormValues = { email: '', name: '', organisationId: '', role: '' };

export const isInviteField = (path: string): path is InviteField => (inviteFields as readonly string[]).includes(path);
export const inviteFieldId = (field: InviteField) => `invite-${field}`;

/** What the API is sent: trimmed text. */
export function toInviteUser(values: InviteFormValues): Record<InviteField, string> {
  return { email: values.email.trim(), name: values.name.trim(), organisationId: values.organisationId, role: values.role };
}

/**
 * The checks the API will make, run before sending (the domain's schema and the rule that a
 * role must fit the organisation's kind); one error per field, the first to fix.
 */
export function validateInvite(values: InviteFormValues, organisationKind: ActorKind | undefined): { errors: FieldError[]; input: InviteUser | null } {
  const parsed = inviteUserSchema.safeParse(toInviteUser(values));
  const errors = parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
  const role = roleSchema.safeParse(values.role);
  if (role.success && organisationKind && !roleFitsOrganisation(role.data, organisationKind)) {
    errors.push({ path: 'role', code: 'role_organisation_mismatch', message: 'The role does not fit the organisation' });
  }
  const seen = new Set<string>();
  const unique = errors.filter((error) => (seen.has(error.path) ? false : (seen.add(error.path), true)));
  return { errors: unique, input: parsed.success && unique.length === 0 ? parsed.data : null };
}

/** How `useFormState` reads the invitation form: a field's path is its name; a filled-in field is unsaved. */
export const inviteFormState = {
  changedFields: (values: InviteFormValues, base: InviteFormValues) => inviteFields.filter((field) => values[field].trim() !== base[field].trim()),
  valueAt: (values: InviteFormValues, path: string) => (isInviteField(path) ? values[path] : ''),
};
