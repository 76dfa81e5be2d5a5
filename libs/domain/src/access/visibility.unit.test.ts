import { describe, expect, it } from 'vitest';
import { roles } from './access.schema';
import {
  activityVisible,
  activityWritable,
  actorSet,
  agreementInReach,
  allowedTransitionsFor,
  hasActorId,
  inActorSet,
  isEmptyActorSet,
  mayAcceptFor,
  mayRestructureActors,
  mayTransition,
  noActor,
  visibilityFor,
} from './visibility';

const CENTRE = 'c0000000-0000-4000-8000-000000000001';
const OTHER_CENTRE = 'c0000000-0000-4000-8000-000000000002';
const UB = 'u0000000-0000-4000-8000-000000000001';
const UNIVERSITY = 'u0000000-0000-4000-8000-000000000002';
const CAMPUS = 'u0000000-0000-4000-8000-000000000003';
const OTHER_UB = 'u0000000-0000-4000-8000-000000000004';
const LIBRARY = 'l0000000-0000-4000-8000-000000000001';
const BRANCH = 'l0000000-0000-4000-8000-000000000002';
const OTHER_LIBRARY = 'l0000000-0000-4000-8000-000000000003';

const actor = (id: string, kind: string, municipalityNumber: string | null = null) => ({ id, kind, municipalityNumber });

const coordinator = visibilityFor('study_centre_coordinator', { organisationId: CENTRE, catchmentArea: ['5007', '5045'] });
const liaison = visibilityFor('university_liaison', { organisationId: UB, universityId: UNIVERSITY, campusIds: [CAMPUS] });
const editor = visibilityFor('library_editor', { organisationId: LIBRARY, branchIds: [BRANCH] });

describe('actor sets', () => {
  it('hold an actor by id, kind or municipality', () => {
    const set = actorSet({ ids: ['a', null], kinds: ['public_library'], municipalities: ['5007'] });
    expect(set.ids).toEqual(['a']);
    expect(inActorSet(set, actor('a', 'funder'))).toBe(true);
    expect(inActorSet(set, actor('b', 'public_library'))).toBe(true);
    expect(inActorSet(set, actor('c', 'university', '5007'))).toBe(true);
    expect(inActorSet(set, actor('d', 'university', '5001'))).toBe(false);
    expect(inActorSet(set, actor('e', 'university', null))).toBe(false);
    expect(isEmptyActorSet(noActor)).toBe(true);
    expect(hasActorId(set, 'a')).toBe(true);
  });
});

describe('the county', () => {
  it('sees everything; the admin changes everything, the viewer nothing', () => {
    const admin = visibilityFor('county_admin', { organisationId: 'county' });
    const viewer = visibilityFor('county_viewer', { organisationId: 'county' });
    for (const v of [admin, viewer]) {
      expect(v.everything).toBe(true);
      expect(inActorSet(v.actors.read, actor(OTHER_LIBRARY, 'public_library', '5001'))).toBe(true);
      expect(agreementInReach(v.agreements.read, [])).toBe(true);
      expect(activityVisible(v, { organiserId: null, participantIds: [] })).toBe(true);
      expect(v.coverageMunicipalities).toBeNull();
    }
    expect(inActorSet(admin.actors.update, actor(OTHER_LIBRARY, 'public_library'))).toBe(true);
    expect(mayTransition(admin, 'negotiating', 'signed')).toBe(true);
    expect(mayRestructureActors(admin)).toBe(true);
    expect(inActorSet(viewer.actors.update, actor(OTHER_LIBRARY, 'public_library'))).toBe(false);
    expect(inActorSet(viewer.actorRecords.write, actor(OTHER_LIBRARY, 'public_library'))).toBe(false);
    expect(allowedTransitionsFor(viewer, 'draft')).toEqual([]);
    expect(mayRestructureActors(viewer)).toBe(false);
  });
});

describe('a study-centre coordinator', () => {
  it('reads itself and the actors of its catchment area, and changes only itself', () => {
    expect(inActorSet(coordinator.actors.read, actor(CENTRE, 'study_centre', '5007'))).toBe(true);
    expect(inActorSet(coordinator.actors.read, actor(LIBRARY, 'public_library', '5045'))).toBe(true);
    expect(inActorSet(coordinator.actors.read, actor(OTHER_LIBRARY, 'public_library', '5001'))).toBe(false);
    expect(inActorSet(coordinator.actors.read, actor(OTHER_CENTRE, 'study_centre', null))).toBe(false);
    expect(inActorSet(coordinator.actors.update, actor(CENTRE, 'study_centre', '5007'))).toBe(true);
    expect(inActorSet(coordinator.actors.update, actor(LIBRARY, 'public_library', '5045'))).toBe(false);
    expect(mayRestructureActors(coordinator)).toBe(false);
  });

  it("reads the services and contacts of what it sees, and changes none", () => {
    expect(inActorSet(coordinator.actorRecords.read, actor(LIBRARY, 'public_library', '5045'))).toBe(true);
    expect(inActorSet(coordinator.actorRecords.read, actor(OTHER_LIBRARY, 'public_library', '5001'))).toBe(false);
    expect(isEmptyActorSet(coordinator.actorRecords.write)).toBe(true);
  });

  it('reaches only agreements its centre is party to, proposes and takes back, accepts for itself', () => {
    expect(agreementInReach(coordinator.agreements.read, [CENTRE, LIBRARY])).toBe(true);
    expect(agreementInReach(coordinator.agreements.read, [OTHER_CENTRE, LIBRARY])).toBe(false);
    expect(agreementInReach(coordinator.agreements.write, [LIBRARY, CENTRE])).toBe(true);
    expect(mayTransition(coordinator, 'draft', 'negotiating')).toBe(true);
    expect(mayTransition(coordinator, 'negotiating', 'draft')).toBe(true);
    expect(mayTransition(coordinator, 'negotiating', 'signed')).toBe(false);
    expect(mayTransition(coordinator, 'draft', 'terminated')).toBe(false);
    expect(allowedTransitionsFor(coordinator, 'draft')).toEqual(['negotiating']);
    expect(allowedTransitionsFor(coordinator, 'negotiating')).toEqual(['draft']);
    expect(allowedTransitionsFor(coordinator, 'active')).toEqual([]);
    expect(hasActorId(coordinator.agreements.acceptFor, CENTRE)).toBe(true);
    expect(hasActorId(coordinator.agreements.acceptFor, LIBRARY)).toBe(false);
  });

  it('reads activities it organises or joins, changes those it organises', () => {
    expect(activityVisible(coordinator, { organiserId: CENTRE, participantIds: [] })).toBe(true);
    expect(activityVisible(coordinator, { organiserId: 'county-library', participantIds: [CENTRE] })).toBe(true);
    expect(activityVisible(coordinator, { organiserId: OTHER_CENTRE, participantIds: [LIBRARY] })).toBe(false);
    // One that involves a library of its area (Namsos): the cooperation meetings with its libraries.
    const namsos = { id: LIBRARY, kind: 'public_library', municipalityNumber: '5007' };
    expect(activityVisible(coordinator, { organiserId: OTHER_CENTRE, participantIds: [LIBRARY], involved: [namsos] })).toBe(true);
    expect(activityVisible(coordinator, { organiserId: OTHER_CENTRE, participantIds: [LIBRARY], involved: [{ ...namsos, municipalityNumber: '5001' }] })).toBe(false);
    expect(activityWritable(coordinator, { organiserId: OTHER_CENTRE })).toBe(false);
    expect(activityVisible(coordinator, { organiserId: null, participantIds: [] })).toBe(false);
    expect(activityWritable(coordinator, { organiserId: CENTRE })).toBe(true);
    expect(activityWritable(coordinator, { organiserId: 'county-library' })).toBe(false);
  });

  it('sees the coverage of its own catchment area only', () => {
    expect(hasActorId(coordinator.studyCentres, CENTRE)).toBe(true);
    expect(hasActorId(coordinator.studyCentres, OTHER_CENTRE)).toBe(false);
    expect(coordinator.coverageMunicipalities).toEqual(['5007', '5045']);
  });

  it('without a catchment area sees only itself', () => {
    const bare = visibilityFor('study_centre_coordinator', { organisationId: CENTRE });
    expect(inActorSet(bare.actors.read, actor(CENTRE, 'study_centre'))).toBe(true);
    expect(inActorSet(bare.actors.read, actor(LIBRARY, 'public_library', '5045'))).toBe(false);
  });
});

describe('a university liaison', () => {
  it('reads every public library and branch, its library, university and campuses', () => {
    expect(inActorSet(liaison.actors.read, actor(OTHER_LIBRARY, 'public_library', '5001'))).toBe(true);
    expect(inActorSet(liaison.actors.read, actor(BRANCH, 'library_branch', '5007'))).toBe(true);
    for (const id of [UB, UNIVERSITY, CAMPUS]) expect(inActorSet(liaison.actors.read, actor(id, 'university'))).toBe(true);
    expect(inActorSet(liaison.actors.read, actor(OTHER_UB, 'university_library', '5007'))).toBe(false);
    expect(inActorSet(liaison.actors.read, actor(CENTRE, 'study_centre', '5007'))).toBe(false);
    expect(inActorSet(liaison.actorRecords.read, actor(OTHER_LIBRARY, 'public_library'))).toBe(true);
  });

  it('reaches agreements and activities where its library or university takes part, and changes nothing', () => {
    expect(agreementInReach(liaison.agreements.read, [UNIVERSITY, LIBRARY])).toBe(true);
    expect(agreementInReach(liaison.agreements.read, [UB])).toBe(true);
    expect(agreementInReach(liaison.agreements.read, [CAMPUS, LIBRARY])).toBe(false);
    expect(activityVisible(liaison, { organiserId: UNIVERSITY, participantIds: [] })).toBe(true);
    expect(activityVisible(liaison, { organiserId: null, participantIds: [UB] })).toBe(true);
    expect(activityVisible(liaison, { organiserId: null, participantIds: [OTHER_UB] })).toBe(false);
    expect(isEmptyActorSet(liaison.actors.update)).toBe(true);
    expect(isEmptyActorSet(liaison.actorRecords.write)).toBe(true);
    expect(isEmptyActorSet(liaison.agreements.write)).toBe(true);
    expect(isEmptyActorSet(liaison.studyCentres)).toBe(true);
  });

  it('of a library with no university reads its library and the public libraries', () => {
    const alone = visibilityFor('university_liaison', { organisationId: UB, universityId: null });
    expect(alone.actors.read.ids).toEqual([UB]);
  });
});

describe('a library editor', () => {
  it('reads and changes its library and branches, their services and contacts', () => {
    for (const id of [LIBRARY, BRANCH]) {
      expect(inActorSet(editor.actors.read, actor(id, 'public_library'))).toBe(true);
      expect(inActorSet(editor.actors.update, actor(id, 'public_library'))).toBe(true);
      expect(inActorSet(editor.actorRecords.write, actor(id, 'public_library'))).toBe(true);
    }
    expect(inActorSet(editor.actors.read, actor(OTHER_LIBRARY, 'public_library', '5007'))).toBe(false);
    expect(inActorSet(editor.actorRecords.read, actor(OTHER_LIBRARY, 'public_library', '5007'))).toBe(false);
  });

  it('reads agreements and activities its library or a branch takes part in', () => {
    expect(agreementInReach(editor.agreements.read, [CENTRE, BRANCH])).toBe(true);
    expect(agreementInReach(editor.agreements.read, [CENTRE, OTHER_LIBRARY])).toBe(false);
    expect(isEmptyActorSet(editor.agreements.write)).toBe(true);
    expect(activityVisible(editor, { organiserId: 'county-library', participantIds: [LIBRARY] })).toBe(true);
    expect(activityVisible(editor, { organiserId: 'county-library', participantIds: [OTHER_LIBRARY] })).toBe(false);
    expect(activityWritable(editor, { organiserId: LIBRARY })).toBe(false);
  });
});

describe('a partner contact (a career centre, a campus, …)', () => {
  const partner = visibilityFor('partner_contact', { organisationId: CAMPUS });

  it('reaches its own organisation only: no other actor, agreement or activity, and changes none of them', () => {
    expect(inActorSet(partner.actors.read, actor(CAMPUS, 'university_campus'))).toBe(true);
    expect(inActorSet(partner.actors.read, actor(LIBRARY, 'public_library', '5007'))).toBe(false);
    expect(inActorSet(partner.actors.read, actor(UB, 'university_library'))).toBe(false);
    for (const set of [partner.actors.update, partner.actorRecords.write, partner.agreements.read, partner.agreements.write, partner.agreements.acceptFor, partner.activities.read, partner.studyCentres]) {
      expect(isEmptyActorSet(set)).toBe(true);
    }
    expect(partner.everything).toBe(false);
    expect(partner.coverageMunicipalities).toEqual([]);
    expect(mayAcceptFor(partner, { actorId: CAMPUS, actorKind: 'university_campus' })).toBe(false);
  });

  it('leaves accepting agreements for its organisation to the county, as before', () => {
    const county = visibilityFor('county_admin', { organisationId: 'f0000000-0000-4000-8000-000000000001' });
    expect(mayAcceptFor(county, { actorId: CAMPUS, actorKind: 'university_campus' })).toBe(true);
  });
});

describe('every role', () => {
  it('has rules, and only the county reaches records no organisation owns', () => {
    for (const role of roles) {
      const v = visibilityFor(role, { organisationId: CENTRE });
      expect(v.role).toBe(role);
      expect(v.everything).toBe(role === 'county_admin' || role === 'county_viewer');
    }
  });
});

describe('accepting an agreement', () => {
  const COUNTY = 'f0000000-0000-4000-8000-000000000001';
  const CAREER = 'k0000000-0000-4000-8000-000000000001';
  const county = visibilityFor('county_admin', { organisationId: COUNTY });
  const party = (actorId: string, actorKind: string) => ({ actorId, actorKind });

  it('lets each party accept for itself only, in its own app', () => {
    expect(mayAcceptFor(coordinator, party(CENTRE, 'study_centre'))).toBe(true);
    expect(mayAcceptFor(coordinator, party(LIBRARY, 'public_library'))).toBe(false);
    expect(mayAcceptFor(editor, party(LIBRARY, 'public_library'))).toBe(true);
    expect(mayAcceptFor(editor, party(BRANCH, 'library_branch'))).toBe(true);
    expect(mayAcceptFor(editor, party(OTHER_LIBRARY, 'public_library'))).toBe(false);
    expect(mayAcceptFor(liaison, party(UB, 'university_library'))).toBe(true);
    expect(mayAcceptFor(liaison, party(OTHER_UB, 'university_library'))).toBe(false);
  });

  it('lets the county accept for itself and for parties no account acts for (a career centre), never for a library or a study centre', () => {
    expect(mayAcceptFor(county, party(COUNTY, 'county_authority'))).toBe(true);
    expect(mayAcceptFor(county, party(CAREER, 'career_centre'))).toBe(true);
    expect(mayAcceptFor(county, party(LIBRARY, 'public_library'))).toBe(false);
    expect(mayAcceptFor(county, party(CENTRE, 'study_centre'))).toBe(false);
    expect(mayAcceptFor(county, party(UB, 'university_library'))).toBe(false);
    expect(mayAcceptFor(visibilityFor('county_viewer', { organisationId: COUNTY }), party(CAREER, 'career_centre'))).toBe(false);
  });
});
