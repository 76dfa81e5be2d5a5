import { accountQueries } from '@kompetansebro/api-client';
import { EmptyState, LoadingState, Page, QueryError } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { groupedHits, targetOf } from './search-hits';
import { parseSearchPageSearch } from './search-page-search';

/** "Søk": the hits for `?q=` among what the user may see, grouped by kind, each linking to its page in this app. */
export function SearchPage() {
  const { t } = useTranslation();
  const { q = '' } = parseSearchPageSearch(useSearch({ strict: false }));
  const results = useQuery(accountQueries.search(q));
  const items = results.data?.items ?? [];

  return (
    <Page title={q ? t('account.search.resultsFor', { q }) : t('account.search.title')}>
      {!q ? (
        <p className="ds-paragraph">{t('account.search.prompt')}</p>
      ) : results.isPending ? (
        <LoadingState />
      ) : results.isError ? (
        <QueryError error={results.error} onRetry={() => void results.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('account.search.none', { q })} />
      ) : (
        <>
          <p className="ds-paragraph" role="status">
            {t('account.search.count', { count: items.length })}
          </p>
          {groupedHits(items).map(({ kind, hits }) => (
            <section key={kind} aria-labelledby={`search-${kind}`} className="kb-stack">
              <h2 id={`search-${kind}`} className="ds-heading" data-size="sm">
                {t(`account.search.kind.${kind}`)} ({hits.length})
              </h2>
              <ul className="kb-search-hits">
                {hits.map((hit) => {
                  const target = targetOf(kind, hit.id);
                  return (
                    <li key={hit.id}>
                      {target ? (
                        <Link className="ds-link" to={target.to} params={target.id ? { id: target.id } : {}}>
                          {hit.title}
                        </Link>
                      ) : (
                        <strong>{hit.title}</strong>
                      )}
                      {hit.snippet && <p className="ds-paragraph" data-size="sm">{hit.snippet}</p>}
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </>
      )}
    </Page>
  );
}
