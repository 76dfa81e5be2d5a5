import { meQueries } from '@kompetansebro/api-client';
import { LoadingState, Page } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { homeQueries, libraryOf } from './home-data';

/**
 * The library the user acts for, and its branches: every screen of the portal is about them.
 * `libraryId` null when the user acts for an organisation that is no public library.
 */
export function useLibrary() {
  const me = useQuery(meQueries.current());
  const libraryId = libraryOf(me.data);
  const branches = useQuery({ ...homeQueries.branches(libraryId ?? ''), enabled: libraryId !== null });
  const name = me.data?.memberships.find((membership) => membership.organisationId === libraryId)?.organisationName ?? '';
  return { pending: me.isPending, libraryId, name, branches };
}

export type Library = ReturnType<typeof useLibrary> & { libraryId: string };

/** A screen about the user's library: loading first, and a page saying so when the user acts for no library. */
export function ForLibrary({ title, children }: { title: string; children: (library: Library) => ReactNode }) {
  const { t } = useTranslation();
  const library = useLibrary();
  if (library.pending) return <LoadingState />;
  if (library.libraryId === null) {
    return (
      <Page title={title}>
        <p className="ds-paragraph">{t('library.notALibrary')}</p>
      </Page>
    );
  }
  return <>{children({ ...library, libraryId: library.libraryId })}</>;
}
