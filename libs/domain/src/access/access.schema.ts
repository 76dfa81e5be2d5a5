import { z } from 'zod';
import { actorKindSchema } from '../actor/actor-kind';
import { timestampSchema } from '../common/dates';
import { plainTextSchema } from '../common/text';

/** What a person may do for an organisation (issue: accounts, login and access). */
export const roles = ['county_admin', 'county_viewer', 'study_centre_coordinator', 'university_liaison', 'library_editor'] as const;
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
  version: z.number().int().min(1),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type User = z.infer<typeof userSchema>;

export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.email(), name: z.string() }),
  memberships: z.array(membershipSchema),
  activeOrganisationId: z.uuid(),
  role: roleSchema,
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

/** OWASP: at least 12 characters for a password of its own (no composition rules). */
export const newPasswordSchema = z.string().min(12).max(200);

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
  library_editor: ['public_library', 'library_branch'],
};
