import { accountQueries } from '@kompetansebro/api-client';
import { EmptyState, LoadingState, Page, QueryError } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { accountPaths } from './account-paths';
import { parseSearchPageSearch } from './search-page-search';

/** The kinds of hits, in the order their groups are shown. */
const kinds = ['actor', 'agreement', 'activity', 'initiative', 'note'] as const;
type Kind = (typeof kinds)[number];


/** Where a hit is shown in this app; null where it has no page for it (then the hit is text). */
function targetOf(kind: Kind, id: string): { to: string; id?: string } | null {
  const paths = accountPaths();
  if (kind === 'note') return paths.notes ? { to: paths.notes } : null;
  const path = paths[kind];
  return path ? { to: path, id } : null;
}

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
          {kinds
            .map((kind) => ({ kind, hits: items.filter((item) => item.type === kind) }))
            .filter(({ hits }) => hits.length > 0)
            .map(({ kind, hits }) => (
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
