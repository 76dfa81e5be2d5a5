import type { ActorListFilters } from '@kompetansebro/api-client';
import { createFeatureContext } from '@kompetansebro/ui';

/** Where the agreement screens live in the app's router, e.g. `/avtaler` and `/avtaler/$id`. */
export interface AgreementPaths {
  list: string;
  detail: string;
  /** The create form (`/avtaler/ny`). */
  create: string;
  /** The edit form of one agreement (`/avtaler/$id/rediger`). */
  edit: string;
  /** The actor page of a party or library (`$id`), when the app has one. */
  actor: string | null;
  /** A record's audit trail (`$entity`, `$id`), when the app has one. */
  history: string | null;
}

/**
 * Whether and how the app lets users create agreements. The county picks any parties; a study
 * centre's portal fixes its own centre as a party and offers only the libraries it may choose.
 */
export interface AgreementCreation {
  /** The organisation the user acts for is a party that cannot be removed. */
  fixedParty?: 'activeOrganisation' | null;
  /** Narrows the actors offered as parties (e.g. `{ kind: 'public_library' }`); the API still decides what the user sees. */
  partyFilter?: ActorListFilters;
}

/** The list filters an app offers beyond search, status and kind. */
export interface AgreementListFilterOptions {
  /** "Studiesenter" and "Region": useful to the county, meaningless to one centre's portal. Default true. */
  partyAndRegion?: boolean;
}

export interface AgreementFeature {
  paths: AgreementPaths;
  listFilters?: AgreementListFilterOptions;
  /** Above the list, the amendments waiting for the user's organisation to accept them (a party's portal). */
  pendingAmendments?: boolean;
  /** null: the app offers no create form. */
  creation: AgreementCreation | null;
}

export const [AgreementFeatureContext, useAgreementFeature] = createFeatureContext<AgreementFeature>('createAgreementRoutes');

export function agreementPaths(basePath: string, actorPath: string | null, historyPath: string | null = null): AgreementPaths {
  const base = basePath.replace(/\/+$/, '');
  return { list: base, detail: `${base}/$id`, create: `${base}/ny`, edit: `${base}/$id/rediger`, actor: actorPath, history: historyPath };
}
