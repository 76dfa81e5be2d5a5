import type { Role } from './access.schema';
import { actions, type Action, type Permissions, type Resource } from './permissions';


const everything: readonly Action[] = actions;
const readOnly: readonly Action[] = ['read', 'export'];

/**
 * The one policy table: which role may do what to which resource — at all. Which records it
 * may do it to (its own organisation's, its catchment area's) is the visibility rule applied
 * with it, by the server, to every list and record.
 */
export const policyTable: Record<Role, Partial<Record<Resource, readonly Action[]>>> = {
  county_admin: {
    account: ['read', 'update'],
    reference: everything,
    actor: everything,
    service: everything,
    contact: everything,
    agreement: everything,
    coverage: everything,
    activity: everything,
    calendar_feed: ['read', 'create'],
    initiative: everything,
    plan_item: everything,
    audit: readOnly,
    search: readOnly,
    user: everything,
    catchment_request: everything,
    // A university's student counts: the county reads them; liaison notes: it takes part in every channel.
    student_count: readOnly,
    liaison_note: ['read', 'create', 'update'],
    participation: readOnly,
    survey: everything,
    opening_hours: ['read', 'update'],
    agreement_acceptance: ['read', 'create'],
    agreement_template: ['read', 'create', 'update', 'delete'],
    photo: ['read', 'create', 'update', 'delete'],
    // Files into the register, and their undo: the county admin's alone.
    import: everything,
  },
  county_viewer: {
    account: ['read', 'update'],
    reference: readOnly,
    actor: readOnly,
    service: readOnly,
    contact: readOnly,
    agreement: readOnly,
    coverage: readOnly,
    activity: readOnly,
    // Subscribes with the link the admin made; a new link would revoke everyone's.
    calendar_feed: ['read'],
    initiative: readOnly,
    plan_item: readOnly,
    audit: readOnly,
    search: readOnly,
    catchment_request: readOnly,
    student_count: readOnly,
    liaison_note: readOnly,
    participation: readOnly,
    survey: readOnly,
    opening_hours: ['read'],
    agreement_acceptance: readOnly,
    agreement_template: ['read'],
    photo: ['read'],
  },
  study_centre_coordinator: {
    account: ['read', 'update'],
    reference: readOnly,
    // Its own record (update), the actors of its catchment area (read).
    actor: ['read', 'export', 'update'],
    service: readOnly,
    contact: readOnly,
    // Proposes agreements it is party to, moves them towards signing, accepts for itself.
    agreement: ['read', 'export', 'create', 'update', 'transition'],
    coverage: readOnly,
    activity: ['read', 'export', 'create', 'update', 'delete'],
    calendar_feed: ['read', 'create'],
    // The plan items it is responsible for (visibility: its own organisation's): status and result.
    plan_item: ['read', 'update'],
    search: readOnly,
    // Asks the county to change its catchment area; the county decides (transition).
    catchment_request: ['read', 'create'],
    opening_hours: ['read'],
    agreement_acceptance: ['read', 'create'],
    photo: ['read'],
  },
  university_liaison: {
    account: ['read', 'update'],
    reference: readOnly,
    actor: readOnly,
    service: readOnly,
    contact: readOnly,
    agreement: readOnly,
    activity: readOnly,
    calendar_feed: ['read', 'create'],
    search: readOnly,
    // Its own university's student counts; notes in its channels; joining coming activities.
    student_count: ['read', 'update'],
    liaison_note: ['read', 'create', 'update'],
    participation: ['create', 'delete'],
    opening_hours: ['read'],
    // Accepts or declines agreements for its own university library.
    agreement_acceptance: ['read', 'create'],
    photo: ['read'],
    // The plan items its university library is responsible for (visibility: its own organisation's): status and result.
    plan_item: ['read', 'update'],
  },
  library_editor: {
    account: ['read', 'update'],
    reference: readOnly,
    actor: ['read', 'export', 'update'],
    service: everything,
    contact: everything,
    agreement: readOnly,
    activity: readOnly,
    calendar_feed: ['read', 'create'],
    // The plan items its library is responsible for: status and result.
    plan_item: ['read', 'update'],
    search: readOnly,
    // The channels its library is a party to.
    liaison_note: ['read', 'create', 'update'],
    // Its own library's and branches' opening hours (visibility: actorRecords).
    opening_hours: ['read', 'update'],
    // Signs its own library up for the county's coming webinars and meetings, and cancels.
    participation: ['create', 'delete'],
    // Photos of its own library and branches (visibility: actorRecords).
    photo: ['read', 'create', 'update', 'delete'],
    // Accepts or declines agreements for its own library.
    agreement_acceptance: ['read', 'create'],
  },
  // A plan-item owner no other role acts for (a career centre, a university or campus, a school, …):
  // its own account, the reference lists, and the plan items it is responsible for (visibility:
  // its own organisation's) — status and result. Nothing else.
  partner_contact: {
    account: ['read', 'update'],
    reference: readOnly,
    plan_item: ['read', 'update'],
  },
};

export function can(role: Role, resource: Resource, action: Action): boolean {
  return policyTable[role][resource]?.includes(action) ?? false;
}

/** What a role may do, as GET /api/me tells the apps (so they need not carry the table). */
export function permissionsOf(role: Role): Permissions {
  return policyTable[role];
}
