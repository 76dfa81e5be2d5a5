import type { ParseKeys } from 'i18next';
import { Link, useMatch, useRouter, type ErrorComponentProps } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { DetailErrorPage, DetailPendingPage } from './detail-page';

/** What a record screen's route keeps in its `staticData` for these pages: its texts (i18n keys) and the way back. */
export interface RecordRouteTexts {
  title: ParseKeys;
  notFound: ParseKeys;
  back: ParseKeys;
  backPath: () => string;
}

/** The texts of the record route these pages stand in for (they render inside its match). */
function useRecordRouteTexts(): RecordRouteTexts {
  const match = useMatch({ strict: false });
  return (match.staticData as { record: RecordRouteTexts }).record;
}

/** A record route's pending page: titled by the record's kind, with a spinner. */
export function RecordPendingPage() {
  const { t } = useTranslation();
  return <DetailPendingPage title={t(useRecordRouteTexts().title)} />;
}

/** A record route's error page: not found with the way back, or what failed with a retry that loads the route again. */
export function RecordErrorPage({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  const texts = useRecordRouteTexts();
  const back = (
    <Link className="ds-link" to={texts.backPath()}>
      {t(texts.back)}
    </Link>
  );
  const retry = () => {
    reset();
    void router.invalidate();
  };
  return <DetailErrorPage title={t(texts.title)} notFound={t(texts.notFound)} back={back} error={error} onRetry={retry} />;
}
