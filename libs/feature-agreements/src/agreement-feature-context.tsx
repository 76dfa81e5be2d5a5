import { createContext, useContext } from 'react';

/** Where the agreement screens live in the app's router, e.g. `/avtaler` and `/avtaler/$id`. */
export interface AgreementPaths {
  list: string;
  detail: string;
  /** The actor page of a party or library (`$id`), when the app has one. */
  actor: string | null;
}

export interface AgreementFeature {
  paths: AgreementPaths;
}

export const AgreementFeatureContext = createContext<AgreementFeature | null>(null);

export function useAgreementFeature(): AgreementFeature {
  const feature = useContext(AgreementFeatureContext);
  if (!feature) throw new Error('The agreement screens must be rendered inside the routes of createAgreementRoutes()');
  return feature;
}

export function agreementPaths(basePath: string, actorPath: string | null): AgreementPaths {
  const base = basePath.replace(/\/+$/, '');
  return { list: base, detail: `${base}/$id`, actor: actorPath };
}
