import { z } from 'zod';
import { actorKindSchema, publicLibraryKinds } from '../actor/actor-kind';
import { timestampSchema } from '../common/date.schema';
import { listQuerySchema } from '../common/list.schema';
import { plainTextSchema } from '../common/text';
import { versionedRecordFields } from '../common/record.schema';
import { actions, resources } from './permissions';

/** What a person may do for an organisation (issue: accounts, login and access). */
export const roles = ['county_admin', 'county_viewer', 'study_centre_coordinator', 'university_liaison', 'library_editor', 'partner_contact'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const membershipSchema = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  organisationKind: actorKindSchema,
  role: roleSchema,
});
export type Membership = z.infer<typeof membershipSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  name: z.string(),
  disabledAt: timestampSchema.nullable(),
  memberships: z.array(membershipSchema),
  /** Whether the account has a password yet (an invited user sets one through the e-mailed link). */
  hasPassword: z.boolean(),
  ...versionedRecordFields(),
});
export type User = z.infer<typeof userSchema>;

/** What one role may do (permissions.ts `Permissions`), as GET /api/me sends it. */
export const permissionsSchema = z.partialRecord(z.enum(resources), z.array(z.enum(actions)).readonly());

export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.email(), name: z.string() }),
  memberships: z.array(membershipSchema),
  activeOrganisationId: z.uuid(),
  role: roleSchema,
  /** What the role may do at the active organisation (the policy table's row): the apps show only that. */
  permissions: permissionsSchema,
});
export type Me = z.infer<typeof meSchema>;

export const loginSchema = z
  .object({
    email: z.email().max(254),
    password: z.string().min(1).max(200),
  })
  .strict();
export type LoginInput = z.infer<typeof loginSchema>;

export const switchOrganisationSchema = z.object({ organisationId: z.uuid() }).strict();

export const passwordResetRequestSchema = z.object({ email: z.email().max(254) }).strict();

/**
 * ASVS 5.0 6.2: at least 12 characters of the user's own choosing, up to 200 taken as typed (no
 * composition rules, no truncation). The server also refuses one that is easy to guess or holds
 * the service's name or the e-mail address (passwordTooWeak, passwordHasContext).
 */
export const newPasswordSchema = z.string().min(12).max(200);

/** The service's name: no password may hold it (ASVS 5.0 6.2.11, contextual words). */
export const PRODUCT_NAME = 'Kompetansebro';

/**
 * The words specific to this service and account that a password must not hold: the service's
 * name, the e-mail address and its part before the @ (when at least 3 characters), lowercase.
 */
export function contextWordsOf(email: string | null): string[] {
  const words = [PRODUCT_NAME.toLowerCase()];
  if (email) {
    const address = email.toLowerCase();
    words.push(address);
    const local = address.split('@')[0] ?? '';
    if (local.length >= 3) words.push(local);
  }
  return words;
}

/** Whether a password holds one of the context words (case and spacing ignored). */
export function passwordHasContext(password: string, email: string | null): boolean {
  const squeezed = password.toLowerCase().replace(/\s+/g, '');
  return contextWordsOf(email).some((word) => squeezed.includes(word.replace(/\s+/g, '')));
}

export const passwordResetSchema = z
  .object({
    token: z.string().min(20).max(200),
    password: newPasswordSchema,
  })
  .strict();

export const inviteUserSchema = z
  .object({
    email: z.email().max(254),
    name: plainTextSchema(200, 2),
    organisationId: z.uuid(),
    role: roleSchema,
  })
  .strict();
export type InviteUser = z.infer<typeof inviteUserSchema>;

/** Which kinds of organisation each role belongs to: a coordinator acts for a study centre, … */
export const roleOrganisationKinds: Record<Role, readonly z.infer<typeof actorKindSchema>[]> = {
  county_admin: ['county_authority', 'county_library'],
  county_viewer: ['county_authority', 'county_library'],
  study_centre_coordinator: ['study_centre'],
  university_liaison: ['university_library'],
  library_editor: publicLibraryKinds,
  // Plan-item owners no other role acts for (issue 19): they see and move on their own plan items only.
  partner_contact: ['career_centre', 'university', 'university_campus', 'upper_secondary_school', 'training_office', 'municipal_association'],
};

/** Stable codes of the account rules, for field errors and the OIDC login page's `error` parameter. */
export const accountErrorCodes = {
  /** A reset or invitation link that is unknown, used, expired or of a disabled account. */
  resetTokenInvalid: 'reset_token_invalid',
  emailTaken: 'email_taken',
  organisationNotFound: 'organisation_not_found',
  /** The role does not fit the organisation's kind (roleOrganisationKinds). */
  roleOrganisationMismatch: 'role_organisation_mismatch',
  duplicateOrganisation: 'duplicate_organisation',
  /** A new password that is easy to guess (a strength estimate below "safe from an online attack and a slow offline one"). */
  passwordTooWeak: 'password_too_weak',
  /** A new password that holds the service's name or the account's e-mail address. */
  passwordHasContext: 'password_has_context',
  /** A password change whose current password is wrong. */
  currentPasswordWrong: 'current_password_wrong',
} as const;

/** Why an OIDC login came back to the login page (`?error=`), for the page to explain. */
export const oidcLoginErrors = [
  /** The identity provider's e-mail matches no invited account. */
  'oidc_no_account',
  /** The account is disabled. */
  'account_disabled',
  /** The account belongs to no organisation yet. */
  'no_organisation',
  /** The identity provider did not vouch for an e-mail address. */
  'oidc_no_email',
  /** The login was refused or could not be verified (cancelled, expired, tampered with). */
  'oidc_failed',
  /** The identity provider could not be reached. */
  'oidc_unavailable',
] as const;
export type OidcLoginError = (typeof oidcLoginErrors)[number];

/** How one may log in here: always with a password; with an OIDC provider (Feide, Entra ID, …) when configured. */
export const authProvidersSchema = z.object({
  local: z.literal(true),
  oidc: z.object({ name: z.string() }).nullable(),
});
export type AuthProviders = z.infer<typeof authProvidersSchema>;

/** The users list: search name and e-mail, optionally only the members of one organisation. */
export const userListQuerySchema = listQuerySchema.extend({ organisation: z.uuid().optional() });
export type UserListQuery = z.infer<typeof userListQuerySchema>;

const membershipInputSchema = z.object({ organisationId: z.uuid(), role: roleSchema }).strict();
export type MembershipInput = z.infer<typeof membershipInputSchema>;

/** All of a user's memberships at once (replaces them); at least one, each organisation once. */
export const userMembershipsSchema = z
  .object({ memberships: z.array(membershipInputSchema).min(1).max(50) })
  .strict();
export type UserMemberships = z.infer<typeof userMembershipsSchema>;

/** Whether a role may be held at an organisation of this kind (roleOrganisationKinds). */
export function roleFitsOrganisation(role: Role, organisationKind: z.infer<typeof actorKindSchema>): boolean {
  return roleOrganisationKinds[role].includes(organisationKind);
}
