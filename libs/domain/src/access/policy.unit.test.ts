import { describe, expect, it } from 'vitest';
import { roleFitsOrganisation, roleOrganisationKinds, roles } from './access.schema';
import { allows } from './allows';
import { actions, resources } from './permissions';
import { can, permissionsOf, policyTable } from './policy';
import { appOfRole } from './staff-apps';

describe('the policy table', () => {
  it('answers through the permissions /api/me sends exactly as through the table', () => {
    for (const role of roles) {
      for (const resource of resources) for (const action of actions) expect(allows(permissionsOf(role), resource, action)).toBe(can(role, resource, action));
    }
    expect(allows(permissionsOf('county_viewer'), 'agreement', 'update')).toBe(false);
    expect(allows(permissionsOf('county_admin'), 'agreement', 'update')).toBe(true);
  });

  it('lets the county admin do everything but write the audit log', () => {
    for (const resource of resources) expect(can('county_admin', resource, 'read')).toBe(true);
    expect(can('county_admin', 'audit', 'update')).toBe(false);
    expect(can('county_admin', 'user', 'create')).toBe(true);
  });

  it('lets the county viewer read everything but users and imports (the admin\'s alone), and change nothing but its own account', () => {
    for (const resource of resources.filter((r) => r !== 'user' && r !== 'import')) expect(can('county_viewer', resource, 'read')).toBe(true);
    for (const resource of resources.filter((r) => r !== 'account')) {
      for (const action of ['create', 'update', 'delete', 'transition'] as const) expect(can('county_viewer', resource, action)).toBe(false);
    }
  });

  it('keeps users, initiatives and the audit log to the county', () => {
    for (const role of roles.filter((r) => r !== 'county_admin' && r !== 'county_viewer')) {
      expect(can(role, 'user', 'read')).toBe(false);
      expect(can(role, 'initiative', 'read')).toBe(false);
      expect(can(role, 'audit', 'read')).toBe(false);
      expect(can(role, 'agreement_template', 'read')).toBe(false);
    }
  });

  it('gives each role what the brief says it may change', () => {
    expect(can('study_centre_coordinator', 'agreement', 'create')).toBe(true);
    expect(can('study_centre_coordinator', 'activity', 'create')).toBe(true);
    expect(can('study_centre_coordinator', 'service', 'update')).toBe(false);
    expect(can('library_editor', 'service', 'update')).toBe(true);
    expect(can('library_editor', 'contact', 'create')).toBe(true);
    expect(can('library_editor', 'agreement', 'create')).toBe(false);
    expect(can('university_liaison', 'actor', 'update')).toBe(false);
  });

  it('lets study centres, libraries and university libraries or campuses read and move on the plan items they are responsible for, but not create or delete them', () => {
    for (const role of ['study_centre_coordinator', 'library_editor', 'university_liaison'] as const) {
      expect([can(role, 'plan_item', 'read'), can(role, 'plan_item', 'update')]).toEqual([true, true]);
      expect([can(role, 'plan_item', 'create'), can(role, 'plan_item', 'delete')]).toEqual([false, false]);
    }
    expect(can('county_admin', 'plan_item', 'update')).toBe(true);
    expect([can('county_viewer', 'plan_item', 'read'), can('county_viewer', 'plan_item', 'update')]).toEqual([true, false]);
  });

  it('gives a partner contact its account, the reference lists and its own plan items (status and result) — nothing else', () => {
    const allowed = Object.entries(policyTable.partner_contact).map(([resource, actions]) => `${resource}:${[...actions].sort().join(',')}`);
    expect(allowed.sort()).toEqual(['account:read,update', 'plan_item:read,update', 'reference:export,read']);
    expect(can('partner_contact', 'search', 'read')).toBe(false);
    expect(appOfRole.partner_contact).toBe('centrePortal');
  });

  it('lets a partner contact act only for the plan-item owners no other role acts for', () => {
    expect(roleOrganisationKinds.partner_contact).toEqual(['career_centre', 'university', 'university_campus', 'upper_secondary_school', 'training_office', 'municipal_association']);
    expect(roleFitsOrganisation('partner_contact', 'study_centre')).toBe(false);
    expect(roleFitsOrganisation('partner_contact', 'public_library')).toBe(false);
  });

  it('lets every role read and change its own account (profile, password, notification settings, inbox)', () => {
    for (const role of roles) expect([can(role, 'account', 'read'), can(role, 'account', 'update'), can(role, 'account', 'delete')]).toEqual([true, true, false]);
  });

  it('has a row for every role', () => {
    expect(Object.keys(policyTable).sort()).toEqual([...roles].sort());
  });
});
