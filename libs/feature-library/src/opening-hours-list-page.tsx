import { openingHoursQueries } from '@kompetansebro/api-client';
import { LoadingState, Page, QueryError } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useLibraryFeature } from './library-feature-context';
import { OpeningNow } from './opening-now';
import { ForLibrary, type Library } from './use-library';
import './library.css';

/** "Åpningstider": the library and each branch, open now and this week's hours, each with a link to change them. */
export function OpeningHoursListPage() {
  const { t } = useTranslation();
  return <ForLibrary title={t('library.hours.listTitle')}>{(library) => <Places library={library} />}</ForLibrary>;
}

function Places({ library }: { library: Library }) {
  const { t } = useTranslation();
  const places = [{ id: library.libraryId, name: library.name }, ...(library.branches.data?.items ?? []).map((branch) => ({ id: branch.id, name: branch.name }))];
  return (
    <Page title={t('library.hours.listTitle')}>
      <p className="ds-paragraph">{t('library.hours.listIntro')}</p>
      {library.branches.isError && <QueryError error={library.branches.error} onRetry={() => void library.branches.refetch()} headingLevel={2} />}
      <ul className="kb-stack" style={{ listStyle: 'none', padding: 0 }}>
        {places.map((place) => (
          <li key={place.id}>
            <Place id={place.id} name={place.name} />
          </li>
        ))}
      </ul>
    </Page>
  );
}

function Place({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation();
  const { paths } = useLibraryFeature();
  const hours = useQuery(openingHoursQueries.detail(id));
  return (
    <section aria-labelledby={`place-${id}`} className="kb-stack">
      <h2 className="ds-heading" data-size="sm" id={`place-${id}`}>
        {name}
      </h2>
      {hours.isPending ? (
        <LoadingState />
      ) : hours.isError ? (
        <QueryError error={hours.error} onRetry={() => void hours.refetch()} headingLevel={3} />
      ) : (
        <OpeningNow hours={hours.data} />
      )}
      <p className="ds-paragraph">
        <Link className="ds-link" to={paths.openingHours} params={{ id }} aria-label={t('library.hours.editFor', { name })}>
          {t('library.hours.edit')}
        </Link>
      </p>
    </section>
  );
}
