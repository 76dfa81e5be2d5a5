import { meSchema, membershipSchema, permissionsOf, userSchema, type ActorDetail, type Me, type Membership, type Role, type User } from '@kompetansebro/domain';
import { buildActorDetail } from './actor.factory';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';

/** Organisations users belong to in the tests, one of each kind a role fits, with stable ids. */
export const testOrganisations = {
  county: buildActorDetail({ id: sequentialUuid(4, 1), kind: 'county_authority', name: 'Trøndelag fylkeskommune', municipalityNumber: '5001' }),
  countyLibrary: buildActorDetail({ id: sequentialUuid(4, 2), kind: 'county_library', name: 'Trøndelag fylkesbibliotek', municipalityNumber: '5001' }),
  namdal: buildActorDetail({ id: sequentialUuid(4, 3), kind: 'study_centre', name: 'Namdal studiesenter', municipalityNumber: '5007' }),
  ntnuLibrary: buildActorDetail({ id: sequentialUuid(4, 4), kind: 'university_library', name: 'NTNU Universitetsbiblioteket', municipalityNumber: '5001' }),
  namsosLibrary: buildActorDetail({ id: sequentialUuid(4, 5), kind: 'public_library', name: 'Namsos bibliotek', municipalityNumber: '5007' }),
} satisfies Record<string, ActorDetail>;

export function buildMembership(organisation: Pick<ActorDetail, 'id' | 'name' | 'kind'>, role: Role): Membership {
  return membershipSchema.parse({ organisationId: organisation.id, organisationName: organisation.name, organisationKind: organisation.kind, role });
}

/** A fresh id for a user in a test. */
export const nextUserId = idSequence(3);

/** A user as the users screens show it: an active coordinator of Namdal studiesenter unless told otherwise. */
export function buildUser(overrides: Partial<User> = {}): User {
  return userSchema.parse({
    id: nextUserId(),
    email: 'kari.nordmann@example.no',
    name: 'Kari Nordmann',
    disabledAt: null,
    memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')],
    hasPassword: true,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    ...overrides,
  });
}

/**
 * Who is logged in, as GET /api/me answers: the county admin of the demo data (two
 * organisations, acting for the first) unless told otherwise.
 */
export function buildMe(overrides: Partial<Me> & { memberships?: Membership[] } = {}): Me {
  const memberships = overrides.memberships ?? [
    buildMembership(testOrganisations.countyLibrary, 'county_admin'),
    buildMembership(testOrganisations.county, 'county_admin'),
  ];
  const active = memberships.find((membership) => membership.organisationId === overrides.activeOrganisationId) ?? memberships[0];
  if (!active) throw new Error('A logged-in user belongs to at least one organisation');
  const role = overrides.role ?? active.role;
  return meSchema.parse({
    user: { id: sequentialUuid(3, 9001), email: 'fylke@demo.kompetansebro.no', name: 'Fylkesbiblioteket (demo)' },
    activeOrganisationId: active.organisationId,
    role,
    // As the API answers: the role's row of the policy table.
    permissions: permissionsOf(role),
    ...overrides,
    memberships,
  });
}
