import { roleFitsOrganisation, roleSchema, type ActorKind, type FieldError, type Membership, type MembershipInput } from '@kompetansebro/domain';

/** One row of the memberships form; `key` stays with the row while rows come and go. */
export interface MembershipRow {
  key: number;
  organisationId: string;
  role: string;
}

export function rowsFromMemberships(memberships: readonly Membership[]): MembershipRow[] {
  return memberships.map((membership, index) => ({ key: index + 1, organisationId: membership.organisationId, role: membership.role }));
}

/** "org:role" of each row, in a stable order: two lists are the same access when these are equal. */
function signature(rows: ReadonlyArray<Pick<MembershipRow, 'organisationId' | 'role'>>): string {
  return rows
    .map((row) => `${row.organisationId}:${row.role}`)
    .sort()
    .join('|');
}

export function sameMemberships(a: ReadonlyArray<Pick<MembershipRow, 'organisationId' | 'role'>>, b: ReadonlyArray<Pick<MembershipRow, 'organisationId' | 'role'>>): boolean {
  return signature(a) === signature(b);
}

const error = (path: string, code: string, message: string): FieldError => ({ path, code, message });

/**
 * The checks the API will make (at least one access, each organisation once, a role that fits
 * its kind), with the API's paths (`memberships.1.role`); the input to send when there are none.
 */
export function validateMemberships(
  rows: readonly MembershipRow[],
  kindOf: (organisationId: string) => ActorKind | undefined,
): { errors: FieldError[]; input: MembershipInput[] | null } {
  if (rows.length === 0) return { errors: [error('memberships', 'memberships_required', 'At least one membership is needed')], input: null };
  // Every access emptied (its organisation cleared): no access is left, which "choose one" does not say.
  if (rows.every((row) => row.organisationId === '' && row.role === '')) {
    return { errors: [error('memberships.0.organisationId', 'memberships_required', 'At least one membership is needed')], input: null };
  }
  const errors: FieldError[] = [];
  const input: MembershipInput[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const path = `memberships.${index}`;
    if (row.organisationId === '') errors.push(error(`${path}.organisationId`, 'invalid_value', 'Choose an organisation'));
    else if (seen.has(row.organisationId)) errors.push(error(`${path}.organisationId`, 'duplicate_organisation', 'The organisation is chosen twice'));
    seen.add(row.organisationId);
    const role = roleSchema.safeParse(row.role);
    const kind = kindOf(row.organisationId);
    if (!role.success) errors.push(error(`${path}.role`, 'invalid_value', 'Choose a role'));
    else if (kind && !roleFitsOrganisation(role.data, kind)) errors.push(error(`${path}.role`, 'role_organisation_mismatch', 'The role does not fit'));
    if (role.success && row.organisationId !== '') input.push({ organisationId: row.organisationId, role: role.data });
  });
  return { errors, input: errors.length === 0 ? input : null };
}

/** Which row and field an error's path names: `memberships.2.role` → the third row's role. */
export function locateError(path: string): { index: number; field: 'organisationId' | 'role' } | null {
  const match = /^memberships\.(\d+)\.(organisationId|role)$/.exec(path);
  return match ? { index: Number(match[1]), field: match[2] as 'organisationId' | 'role' } : null;
}
