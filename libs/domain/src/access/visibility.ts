import { allowedTransitions, type AgreementStatus } from '../agreement/agreement-lifecycle';
import { actorKinds, publicLibraryKinds } from '../actor/actor-kind';
import { roleOrganisationKinds, type Role } from './access.schema';

// Row-level visibility: WHICH records a principal may see and change. The policy table
// (policy.ts) says what a role may do at all; these rules say to which records. They are pure
// data and predicates here; the server turns the same sets into SQL conditions, so a list, a
// count, an export, a search and a single record all answer from one rule.

/**
 * A set of actors, described by what puts an actor in it: its id, its kind, or the municipality
 * it is in (any of them). `all` holds every actor.
 */
export interface ActorSet {
  all: boolean;
  ids: readonly string[];
  kinds: readonly string[];
  municipalities: readonly string[];
}

export const everyActor: ActorSet = Object.freeze({ all: true, ids: [], kinds: [], municipalities: [] });
export const noActor: ActorSet = Object.freeze({ all: false, ids: [], kinds: [], municipalities: [] });

export function actorSet(parts: { ids?: readonly (string | null)[]; kinds?: readonly string[]; municipalities?: readonly string[] }): ActorSet {
  return {
    all: false,
    ids: [...new Set((parts.ids ?? []).filter((id): id is string => id !== null))],
    kinds: [...new Set(parts.kinds ?? [])],
    municipalities: [...new Set(parts.municipalities ?? [])],
  };
}

/** What decides whether an actor is in a set. */
export interface ActorFacts {
  id: string;
  kind: string;
  municipalityNumber: string | null;
}

export function inActorSet(set: ActorSet, actor: ActorFacts): boolean {
  return (
    set.all ||
    set.ids.includes(actor.id) ||
    set.kinds.includes(actor.kind) ||
    (actor.municipalityNumber !== null && set.municipalities.includes(actor.municipalityNumber))
  );
}

/** For sets that name actors by id only (parties, organisers): whether the id is in it. */
export function hasActorId(set: ActorSet, actorId: string): boolean {
  return set.all || set.ids.includes(actorId);
}

export function isEmptyActorSet(set: ActorSet): boolean {
  return !set.all && set.ids.length === 0 && set.kinds.length === 0 && set.municipalities.length === 0;
}

/** What the server knows about the organisation a principal acts for, to apply the rules. */
export interface OrganisationFacts {
  organisationId: string;
  /** A study centre's catchment area: municipality numbers. */
  catchmentArea?: readonly string[];
  /** A university library's university (its parent) and that university's campuses. */
  universityId?: string | null;
  campusIds?: readonly string[];
  /** A library's branches. */
  branchIds?: readonly string[];
}

/** A transition a role may make; `any` for the county admin (the state machine still applies). */
type TransitionRule = 'any' | ReadonlyArray<readonly [from: AgreementStatus, to: AgreementStatus]>;

/**
 * What one principal may see and change, record by record. Every set is of actors; a record is
 * in reach through the actor it belongs to:
 * - actors: the actor itself;
 * - services and contacts: the actor they belong to;
 * - agreements: any of its parties;
 * - activities: its organiser or any participant (read), its organiser (write);
 * - coverage and catchment areas: the study centre.
 */
export interface Visibility {
  role: Role;
  organisationId: string;
  /** The county sees every record, also those no organisation owns (initiatives, the audit log). */
  everything: boolean;
  actors: { read: ActorSet; update: ActorSet };
  /** Services and contact persons, by the actor they belong to. */
  actorRecords: { read: ActorSet; write: ActorSet };
  /** Agreements, by their parties; `write` covers update, transitions, documents and renewal. */
  agreements: { read: ActorSet; write: ActorSet; acceptFor: ActorSet; transitions: TransitionRule };
  /** Activities: read by organiser or participant, written by organiser. */
  activities: { read: ActorSet; write: ActorSet };
  /** Study centres whose coverage and catchment area it may see. */
  studyCentres: ActorSet;
  /** The municipalities coverage may answer about; `null`: any. */
  coverageMunicipalities: readonly string[] | null;
}


/** The transitions a study-centre coordinator may make: propose and take back, never sign. */
const coordinatorTransitions: ReadonlyArray<readonly [AgreementStatus, AgreementStatus]> = [
  ['draft', 'negotiating'],
  ['negotiating', 'draft'],
];

/**
 * Parties no account of their own acts for (a career centre, a university, a school, the county
 * itself): the county admin accepts for them. Every other party accepts for itself, in its own app.
 */
const kindsWithoutOwnRole = actorKinds.filter(
  (kind) => !(['study_centre_coordinator', 'university_liaison', 'library_editor'] as const).some((role) => roleOrganisationKinds[role].includes(kind)),
);

function countyWide(role: Role, organisationId: string, writes: boolean): Visibility {
  const write = writes ? everyActor : noActor;
  const acceptFor = writes ? actorSet({ ids: [organisationId], kinds: kindsWithoutOwnRole }) : noActor;
  return {
    role,
    organisationId,
    everything: true,
    actors: { read: everyActor, update: write },
    actorRecords: { read: everyActor, write },
    agreements: { read: everyActor, write, acceptFor, transitions: writes ? 'any' : [] },
    activities: { read: everyActor, write },
    studyCentres: everyActor,
    coverageMunicipalities: null,
  };
}

/**
 * A library's reach (a university library's liaison, a library's editor): the actors it reads and
 * those it updates (and their services and contacts); agreements and activities where `parties`
 * take part, read only; no study centre's coverage.
 */
function libraryWide(
  role: Role,
  organisationId: string,
  reach: { read: ActorSet; update: ActorSet; parties: ActorSet; acceptFor: ActorSet },
): Visibility {
  return {
    role,
    organisationId,
    everything: false,
    actors: { read: reach.read, update: reach.update },
    actorRecords: { read: reach.read, write: reach.update },
    agreements: { read: reach.parties, write: noActor, acceptFor: reach.acceptFor, transitions: [] },
    activities: { read: reach.parties, write: noActor },
    studyCentres: noActor,
    coverageMunicipalities: [],
  };
}

/**
 * The rules (issue 4, "every organisation sees and changes only what is its own"):
 * - county admin and county viewer: everything (the viewer changes nothing);
 * - study-centre coordinator for centre C: reads C and the actors of C's catchment area (and their
 *   services and contacts), updates only C; agreements where C is a party (changes them, proposes
 *   and takes back, accepts for C only); activities C organises or takes part in, changes those it
 *   organises; coverage of its own catchment area only;
 * - university liaison for library L of university U: reads every public library and branch, L,
 *   U and U's campuses (and their services and contacts); agreements and activities where L or U
 *   takes part; changes nothing but accepts or declines agreements for L;
 * - library editor for library B: reads and updates B and its branches, changes their services
 *   and contacts; reads agreements and activities where B or a branch takes part, and accepts or
 *   declines them for B and its branches;
 * - partner contact for organisation P (a career centre, a university, a campus, …): P itself only
 *   (its plan items are found by P's id); no agreement, activity or other actor; changes nothing
 *   but its own plan items' status and result;
 * - the county admin accepts only for parties no account acts for (kindsWithoutOwnRole).
 */
export function visibilityFor(role: Role, facts: OrganisationFacts): Visibility {
  const own = facts.organisationId;
  switch (role) {
    case 'county_admin':
      return countyWide(role, own, true);
    case 'county_viewer':
      return countyWide(role, own, false);
    case 'study_centre_coordinator': {
      const catchment = facts.catchmentArea ?? [];
      const centre = actorSet({ ids: [own] });
      return {
        role,
        organisationId: own,
        everything: false,
        actors: { read: actorSet({ ids: [own], municipalities: catchment }), update: centre },
        actorRecords: { read: actorSet({ ids: [own], municipalities: catchment }), write: noActor },
        agreements: { read: centre, write: centre, acceptFor: centre, transitions: coordinatorTransitions },
        // Its own activities, and those that involve an actor of its area (the libraries it serves).
        activities: { read: actorSet({ ids: [own], municipalities: catchment }), write: centre },
        studyCentres: centre,
        coverageMunicipalities: catchment,
      };
    }
    case 'university_liaison': {
      const university = facts.universityId ?? null;
      const readable = actorSet({ ids: [own, university, ...(facts.campusIds ?? [])], kinds: publicLibraryKinds });
      return libraryWide(role, own, { read: readable, update: noActor, parties: actorSet({ ids: [own, university] }), acceptFor: actorSet({ ids: [own] }) });
    }
    case 'library_editor': {
      const library = actorSet({ ids: [own, ...(facts.branchIds ?? [])] });
      return libraryWide(role, own, { read: library, update: library, parties: library, acceptFor: library });
    }
    case 'partner_contact':
      return libraryWide(role, own, { read: actorSet({ ids: [own] }), update: noActor, parties: noActor, acceptFor: noActor });
  }
}

/**
 * Where an actor belongs — its kind, its parent and its municipality — decides who reaches it (a
 * branch is its library's; a municipality's libraries are its study centre's), so only the county changes them.
 */
export function mayRestructureActors(visibility: Visibility): boolean {
  return visibility.everything && visibility.actors.update.all;
}

/** An agreement is in reach when one of its parties is in the set. */
export function agreementInReach(set: ActorSet, partyActorIds: readonly string[]): boolean {
  return set.all || partyActorIds.some((id) => set.ids.includes(id));
}

/**
 * An activity is seen when its organiser or a participant is in the set. `involved` gives the
 * organiser's and participants' facts (kind, municipality), for sets that name actors by where
 * they are (a study centre sees the activities of the libraries in its area).
 */
export function activityVisible(
  visibility: Visibility,
  activity: { organiserId: string | null; participantIds: readonly string[]; involved?: readonly ActorFacts[] },
): boolean {
  const set = visibility.activities.read;
  return (
    set.all ||
    (activity.organiserId !== null && set.ids.includes(activity.organiserId)) ||
    activity.participantIds.some((id) => set.ids.includes(id)) ||
    (activity.involved ?? []).some((actor) => inActorSet(set, actor))
  );
}

/** An activity is changed (updated, deleted) by whoever may write for its organiser. */
export function activityWritable(visibility: Visibility, activity: { organiserId: string | null }): boolean {
  const set = visibility.activities.write;
  return set.all || (activity.organiserId !== null && set.ids.includes(activity.organiserId));
}

/** Whether this principal may accept or decline an agreement for the party. */
export function mayAcceptFor(visibility: Visibility, party: { actorId: string; actorKind: string }): boolean {
  return inActorSet(visibility.agreements.acceptFor, { id: party.actorId, kind: party.actorKind, municipalityNumber: null });
}

/** Whether this principal may move an agreement from one status to another (the state machine aside). */
export function mayTransition(visibility: Visibility, from: AgreementStatus, to: AgreementStatus): boolean {
  const rule = visibility.agreements.transitions;
  return rule === 'any' || rule.some(([f, t]) => f === from && t === to);
}

/** The statuses this principal may move an agreement to: the state machine's, narrowed to its role. */
export function allowedTransitionsFor(visibility: Visibility, status: AgreementStatus): AgreementStatus[] {
  return allowedTransitions(status).filter((to) => mayTransition(visibility, status, to));
}
