import { actorQueries } from '@kompetansebro/api-client';
import {
  compareNorwegian,
  MAX_PAGE_SIZE,
  roleOrganisationKinds,
  roles,
  type ActorKind,
  type ActorSummary,
  type Page,
  type Role,
} from '@kompetansebro/domain';
import type { SelectOption } from '@kompetansebro/ui';
import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';

/** The kinds of organisation a user can belong to (some role fits them), in the order of the roles. */
export const organisationKinds: readonly ActorKind[] = [...new Set(roles.flatMap((role) => roleOrganisationKinds[role]))];

export interface OrganisationOption {
  id: string;
  name: string;
  kind: ActorKind;
}

/** The roles that fit an organisation of this kind (none until one is chosen). */
export function rolesFor(kind: ActorKind | undefined): Role[] {
  return kind ? roles.filter((role) => roleOrganisationKinds[role].includes(kind)) : [];
}

/**
 * Every organisation a user can belong to, from the actor register: one list per kind (the
 * API's largest page, plenty for one county), in Norwegian order. `known` adds organisations
 * the user belongs to already, should one not be in the lists (archived, say).
 */
export function useOrganisationOptions(known: readonly OrganisationOption[] = []) {
  const lists = useQueries({
    queries: organisationKinds.map((kind) => actorQueries.list({ kind, pageSize: MAX_PAGE_SIZE, sort: 'name' })),
    combine: combineLists,
  });
  const options = useMemo(() => {
    const byId = new Map<string, OrganisationOption>();
    for (const page of lists.pages) for (const actor of page?.items ?? []) byId.set(actor.id, { id: actor.id, name: actor.name, kind: actor.kind });
    for (const organisation of known) if (!byId.has(organisation.id)) byId.set(organisation.id, organisation);
    const kindOrder = (kind: ActorKind) => organisationKinds.indexOf(kind);
    return [...byId.values()].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || compareNorwegian(a.name, b.name));
  }, [lists.pages, known]);

  return {
    options,
    isPending: lists.isPending,
    isError: lists.isError,
    kindOf: (id: string) => options.find((option) => option.id === id)?.kind,
  };
}

/** One result for the lists (structurally shared by react-query, so it changes only when they do). */
function combineLists(results: ReadonlyArray<UseQueryResult<Page<ActorSummary>>>) {
  return {
    pages: results.map((result) => result.data),
    isPending: results.some((result) => result.isPending),
    isError: results.some((result) => result.isError),
  };
}

/** The options of an organisation select, grouped by kind. */
export function organisationSelectOptions(t: TFunction, options: readonly OrganisationOption[]): SelectOption[] {
  return options.map((option) => ({ value: option.id, label: option.name, group: t(`actorKind.${option.kind}`) }));
}

/** The options of a role select: the roles that fit the organisation's kind. */
export function roleSelectOptions(t: TFunction, kind: ActorKind | undefined): SelectOption[] {
  return rolesFor(kind).map((role) => ({ value: role, label: t(`role.${role}`) }));
}

