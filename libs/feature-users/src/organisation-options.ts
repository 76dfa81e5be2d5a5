import { actorQueries } from '@kompetansebro/api-client';
import { compareNorwegian, roleOrganisationKinds, roles, type ActorKind, type ActorSummary, type Page, type Role } from '@kompetansebro/domain';
import type { SelectOption } from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, type PickerOption } from '@kompetansebro/ui/searchable-picker';
import { keepPreviousData, useQueries, type UseQueryResult } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';

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
 * The organisations a user can belong to that match `q` (usePickerSearch), from the actor
 * register: the first PICKER_SEARCH_SIZE of each kind — thousands at national scale, found by
 * the server as the user types — in Norwegian order. While a new search loads, the last answer
 * stays. `known` are organisations the user belongs to already (named by the picker, not listed).
 *
 * `kindOf` knows the kind of every organisation seen since the form opened and of the `known`
 * ones, so a choice keeps its kind (and its roles) when a later search no longer finds it.
 */
export function useOrganisationOptions(q: string, known: readonly OrganisationOption[] = []) {
  const lists = useQueries({
    queries: organisationKinds.map((kind) => ({
      ...actorQueries.list({ kind, q: q || undefined, pageSize: PICKER_SEARCH_SIZE, sort: 'name' }),
      placeholderData: keepPreviousData,
    })),
    combine: combineLists,
  });
  const options = useMemo(() => {
    const byId = new Map<string, OrganisationOption>();
    for (const page of lists.pages) for (const actor of page?.items ?? []) byId.set(actor.id, { id: actor.id, name: actor.name, kind: actor.kind });
    const kindOrder = (kind: ActorKind) => organisationKinds.indexOf(kind);
    return [...byId.values()].sort((a, b) => compareNorwegian(a.name, b.name) || kindOrder(a.kind) - kindOrder(b.kind));
  }, [lists.pages]);
  // Every kind seen: a search replaces the options, and a choice from an earlier answer keeps its kind.
  const [kinds] = useState(() => new Map<string, ActorKind>());
  for (const organisation of [...known, ...options]) kinds.set(organisation.id, organisation.kind);

  return {
    options,
    /** How many of the matches are shown, of how many there are (the kinds' totals together). */
    matches: lists.matches,
    isFetching: lists.isFetching,
    isError: lists.isError,
    kindOf: (id: string) => kinds.get(id),
  };
}

/** One result for the lists (structurally shared by react-query, so it changes only when they do). */
function combineLists(results: ReadonlyArray<UseQueryResult<Page<ActorSummary>>>) {
  const pages = results.map((result) => result.data);
  return {
    pages,
    matches: pages.every(Boolean)
      ? { shown: pages.reduce((sum, page) => sum + (page?.items.length ?? 0), 0), total: pages.reduce((sum, page) => sum + (page?.total ?? 0), 0) }
      : undefined,
    isFetching: results.some((result) => result.isFetching),
    isError: results.some((result) => result.isError),
  };
}

/** An organisation as the picker names it, with its kind (the list has no groups): "Namdal studiesenter (Studiesenter)". */
function organisationLabel(t: TFunction, organisation: Pick<OrganisationOption, 'name' | 'kind'>): string {
  return `${organisation.name} (${t(`actorKind.${organisation.kind}`)})`;
}

/** The options of an organisation picker, each named with its kind. */
export function organisationPickerOptions(t: TFunction, options: readonly OrganisationOption[]): PickerOption[] {
  return options.map((option) => ({ value: option.id, label: organisationLabel(t, option) }));
}

/** The options of a role select: the roles that fit the organisation's kind. */
export function roleSelectOptions(t: TFunction, kind: ActorKind | undefined): SelectOption[] {
  return rolesFor(kind).map((role) => ({ value: role, label: t(`role.${role}`) }));
}
