import { appsOfMemberships, roles, staffApps, type Me, type Role } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { shownAppName } from './app-layout';
import { ownAppPath } from './bootstrap-app';

const me = (role: Role, ...others: Role[]): Me =>
  ({
    user: { id: '00000000-0000-4000-8000-000000000001', email: 'a@example.org', name: 'A' },
    activeOrganisationId: '00000000-0000-4000-8000-000000000002',
    role,
    memberships: [role, ...others].map((r, index) => ({ organisationId: `00000000-0000-4000-8000-00000000001${index}`, organisationName: `Org ${index}`, organisationKind: 'public_library', role: r })),
  }) as Me;

describe('arriving in one’s own app', () => {
  it('takes a library editor who opens the county console to the library portal, and leaves them there', () => {
    expect(ownAppPath('countyConsole', me('library_editor'))).toBe('/bibliotek/');
    expect(ownAppPath('libraryPortal', me('library_editor'))).toBeNull();
  });

  it('gives every role exactly one app, where it stays', () => {
    for (const role of roles) {
      const stays = (Object.keys(staffApps) as (keyof typeof staffApps)[]).filter((app) => ownAppPath(app, me(role)) === null);
      expect(stays, role).toHaveLength(1);
    }
    expect(ownAppPath('libraryPortal', me('county_admin'))).toBe('/fylke/');
    expect(ownAppPath('universityLiaison', me('study_centre_coordinator'))).toBe('/studiesenter/');
  });

  it('lets an app with no key keep everyone (tests and tools)', () => {
    expect(ownAppPath(undefined, me('library_editor'))).toBeNull();
  });

  it('counts the apps of a user’s memberships: several kinds choose', () => {
    expect(appsOfMemberships(me('county_admin', 'county_viewer').memberships)).toEqual(['countyConsole']);
    expect(appsOfMemberships(me('county_admin', 'library_editor').memberships)).toEqual(['countyConsole', 'libraryPortal']);
  });
});

describe('the name in the header', () => {
  it('names the centre portal for a study centre, but the suite for a partner’s contact (a career centre is no study centre)', () => {
    expect(shownAppName('centrePortal', me('study_centre_coordinator'))).toBe('app.centrePortal.name');
    expect(shownAppName('centrePortal', me('partner_contact'))).toBe('app.suiteName');
    expect(shownAppName('centrePortal', null)).toBe('app.centrePortal.name');
  });
});
