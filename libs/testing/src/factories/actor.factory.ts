import {
  actorDetailSchema,
  actorSummarySchema,
  type ActorDetail,
  type ActorReference,
  type ActorSummary,
} from '@kompetansebro/domain';
import { idSequence, TIMESTAMP } from './ids';
import { municipalityByNumber } from './reference.factory';

/** A fresh id for an actor in a test. */
export const nextActorId = idSequence(2);

/**
 * An actor as a list shows it: a public library in Trondheim unless told otherwise. The
 * municipality and region names follow `municipalityNumber`. Parsed with the domain's schema,
 * so a mock cannot drift from what the API sends.
 */
export function buildActorSummary(overrides: Partial<ActorSummary> = {}): ActorSummary {
  const municipalityNumber = overrides.municipalityNumber === undefined ? '5001' : overrides.municipalityNumber;
  const municipality = municipalityByNumber(municipalityNumber);
  return actorSummarySchema.parse({
    id: nextActorId(),
    kind: 'public_library',
    name: 'Trondheim folkebibliotek',
    shortName: null,
    organisationNumber: null,
    libraryNumber: null,
    municipalityNumber,
    parentId: null,
    address: null,
    website: null,
    email: null,
    phone: null,
    description: null,
    archivedAt: null,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    municipalityName: municipality?.name ?? null,
    regionId: municipality?.regionId ?? null,
    regionName: municipality?.regionName ?? null,
    parentName: null,
    ...overrides,
  });
}

/** An actor as its page shows it: the summary plus its children. */
export function buildActorDetail(overrides: Partial<ActorDetail> = {}): ActorDetail {
  const { children = [], ...summary } = overrides;
  return actorDetailSchema.parse({ ...buildActorSummary(summary), children });
}

export function actorReference(actor: ActorSummary): ActorReference {
  return { id: actor.id, kind: actor.kind, name: actor.name, archivedAt: actor.archivedAt };
}
