import { describe, expect, it } from 'vitest';
import { organisationKinds, rolesFor } from './organisation-options';

describe('the role choices when inviting a user', () => {
  it('offer a partner contact for the plan-item owners no other role acts for (career centre, university campus, …)', () => {
    expect(rolesFor('career_centre')).toEqual(['partner_contact']);
    expect(rolesFor('university_campus')).toEqual(['partner_contact']);
    expect(rolesFor('university_library')).toEqual(['university_liaison']);
    expect(rolesFor('study_centre')).toEqual(['study_centre_coordinator']);
    expect(organisationKinds).toEqual(expect.arrayContaining(['career_centre', 'university', 'university_campus', 'upper_secondary_school', 'training_office', 'municipal_association']));
  });
});
