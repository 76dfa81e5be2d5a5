import type { Role } from './access.schema';

// Which app each role works in. Apart from the policy table: every app's shell needs this at start.

/** Roles that see and may change every organisation's records. */
export function isCountyRole(role: Role): boolean {
  return role === 'county_admin' || role === 'county_viewer';
}

/** The staff apps, each under its own base path; each role works in one of them. */
export const staffApps = {
  countyConsole: '/fylke/',
  centrePortal: '/studiesenter/',
  universityLiaison: '/universitet/',
  libraryPortal: '/bibliotek/',
} as const;
export type StaffApp = keyof typeof staffApps;

/** The app a role works in: a logged-in user who opens another app's address is taken here. */
export const appOfRole: Record<Role, StaffApp> = {
  county_admin: 'countyConsole',
  county_viewer: 'countyConsole',
  study_centre_coordinator: 'centrePortal',
  university_liaison: 'universityLiaison',
  library_editor: 'libraryPortal',
  // The centre portal's plan-item pages, inbox and account pages (its menu shows only what the policy allows).
  partner_contact: 'centrePortal',
};

/**
 * Whether an app's own name fits a role: not for a partner's contact (career centre, campus, …),
 * which only borrows the centre portal for its plan items and is no study centre.
 */
export function appNameFits(role: Role): boolean {
  return role !== 'partner_contact';
}

/** The apps a user's memberships lead to, each once (in the order of the memberships). */
export function appsOfMemberships(memberships: readonly { role: Role }[]): StaffApp[] {
  return [...new Set(memberships.map((membership) => appOfRole[membership.role]))];
}

/**
 * The id of the element in which a server that serves an app puts its config.json (apps/api's
 * frontends.ts); the app reads it there at start instead of asking for the file.
 */
export const RUNTIME_CONFIG_ELEMENT_ID = 'kb-config';
