import { formatDateTime } from '@kompetansebro/i18n';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import type { CalendarFeedState } from './calendar-subscription';
import { ConfirmDialog } from './confirm-dialog';
import { httpErrorText } from './error-text';
import { QueryError } from './query-error';
import { errorStatusOf } from './detail-page';
import { LoadingState } from './spinner';

/** The panel of `CalendarSubscription` (loaded when first opened): the link, how to use it, a new link. */
export default function CalendarSubscriptionPanel({ useFeed }: { useFeed: () => CalendarFeedState }) {
  const { t } = useTranslation();
  const feed = useFeed();
  const fieldId = useId();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const [confirming, setConfirming] = useState(false);

  if (feed.status === 'loading') return <LoadingState />;
  if (feed.status === 'error') return <QueryError error={feed.error} onRetry={feed.retry} headingLevel={3} />;

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied('yes');
    } catch {
      setCopied('no'); // no clipboard permission: the reader selects the text instead
    }
  };
  const create = () => {
    setConfirming(false);
    setCopied(null);
    feed.create();
  };

  return (
    <div className="kb-stack">
      <p className="ds-paragraph">{t('calendarFeed.intro')}</p>
      {feed.url ? (
        <>
          <div className="ds-field">
            <label className="ds-label" htmlFor={fieldId}>
              {t('calendarFeed.linkLabel')}
            </label>
            <input className="ds-input" id={fieldId} readOnly value={feed.url} onFocus={(event) => event.currentTarget.select()} />
          </div>
          <p className="ds-paragraph">
            <Button variant="secondary" onClick={() => void copy(feed.url as string)}>
              {t('calendarFeed.copy')}
            </Button>{' '}
            <span role="status">{copied === 'yes' ? t('calendarFeed.copied') : copied === 'no' ? t('calendarFeed.copyFailed') : ''}</span>
          </p>
          <Alert color="warning" headingLevel={3} heading={t('calendarFeed.shownOnceHeading')}>
            {t('calendarFeed.shownOnce')}
          </Alert>
          <p className="ds-paragraph">{t('calendarFeed.howTo')}</p>
        </>
      ) : (
        <p className="ds-paragraph" role="status">
          {feed.exists && feed.createdAt ? t('calendarFeed.exists', { date: formatDateTime(feed.createdAt) }) : t('calendarFeed.none')}
        </p>
      )}
      {feed.createError != null && (
        <Alert color="danger" role="alert" headingLevel={3} heading={t('calendarFeed.failed')}>
          {httpErrorText(t, errorStatusOf(feed.createError) ?? 0)}
        </Alert>
      )}
      {feed.canCreate ? (
        <p className="ds-paragraph">
          <Button variant={feed.exists ? 'tertiary' : 'primary'} loading={feed.creating} onClick={() => (feed.exists ? setConfirming(true) : create())}>
            {feed.exists ? t('calendarFeed.rotate') : t('calendarFeed.create')}
          </Button>
        </p>
      ) : (
        !feed.exists && <p className="ds-paragraph">{t('calendarFeed.askAdmin')}</p>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('calendarFeed.confirmTitle')}
        confirmLabel={t('calendarFeed.rotate')}
        cancelLabel={t('common.cancel')}
        busy={feed.creating}
        onConfirm={create}
        onCancel={() => setConfirming(false)}
      >
        <p className="ds-paragraph">{t('calendarFeed.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
