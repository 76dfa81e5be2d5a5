import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import { httpErrorText } from './error-text';
import { Page } from './page';
import { LoadingState } from './spinner';

/** The part of a query's result a detail page needs (TanStack Query's `useQuery` result fits). */
export interface DetailResult<Data> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: Data | undefined;
  refetch: () => unknown;
}

interface DetailPageProps<Data> {
  /** The record's query, e.g. `useQuery(actorQueries.detail(id))`. */
  result: DetailResult<Data>;
  /** The page title until the record is there ("Aktør"). */
  title: string;
  /** What a 404 says ("Fant ikke aktøren. Den kan være slettet."). */
  notFound: string;
  /** The way out when the record is not there: a link back to the list. */
  back: ReactNode;
  /** The page itself, once the record is loaded. */
  children: (data: Data) => ReactNode;
}

/** The status of an API error (the api-client's ApiError), read structurally: ui imports no data layer. */
export function errorStatusOf(error: unknown): number | undefined {
  return error instanceof Error && 'status' in error && typeof error.status === 'number' ? error.status : undefined;
}

/** The page about one record while it loads: titled by the record's kind, with a spinner. */
export function DetailPendingPage({ title }: { title: string }) {
  return (
    <Page title={title}>
      <LoadingState />
    </Page>
  );
}

/** A page the user's role may not use (the policy says no): its title, and that they lack access. */
export function ForbiddenPage({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <Alert color="warning">{t('errors.forbidden')}</Alert>
    </Page>
  );
}

interface DetailErrorPageProps {
  title: string;
  notFound: string;
  back: ReactNode;
  /** What failed: an API error (a 404 says `notFound`; another status what it means) or anything else. */
  error: unknown;
  onRetry: () => void;
}

/** The page about one record that cannot be shown: not found (a warning and the way back) or failed (what went wrong, a retry and the way back). */
export function DetailErrorPage({ title, notFound, back, error, onRetry }: DetailErrorPageProps) {
  const { t } = useTranslation();
  const status = errorStatusOf(error);
  const isNotFound = status === 404;
  return (
    <Page title={title}>
      <Alert color={isNotFound ? 'warning' : 'danger'}>
        <p className="ds-paragraph">{isNotFound ? notFound : status !== undefined ? httpErrorText(t, status) : t('states.errorBody')}</p>
        {!isNotFound && (
          <Button variant="secondary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Alert>
      <p>{back}</p>
    </Page>
  );
}

/**
 * The states of a page about one record, in one place: loading (a titled page with a spinner),
 * not found (a warning and the way back), failed (what went wrong, a retry and the way back),
 * then the page itself. A record screen of `featureRoutes` gets the same states from its route
 * (`record`), loaded before it shows; this is for a page that reads its record itself.
 *
 *   const actor = useQuery(actorQueries.detail(id));
 *   return (
 *     <DetailPage result={actor} title={t('actors.detail.titleFallback')} notFound={t('actors.detail.notFound')} back={backLink}>
 *       {(data) => <ActorDetails actor={data} />}
 *     </DetailPage>
 *   );
 */
export function DetailPage<Data>({ result, title, notFound, back, children }: DetailPageProps<Data>) {
  if (result.isPending) return <DetailPendingPage title={title} />;
  if (result.isError || result.data === undefined) {
    return <DetailErrorPage title={title} notFound={notFound} back={back} error={result.error} onRetry={() => void result.refetch()} />;
  }
  return <>{children(result.data)}</>;
}
