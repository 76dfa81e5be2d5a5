import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingState } from './spinner';

/** What the calendar subscription panel shows and does (api-client's `useCalendarFeed` gives it). */
export interface CalendarFeedState {
  /** The organisation's link as the API told it: loading, failed (`error`), or known. */
  status: 'loading' | 'error' | 'ready';
  error: unknown;
  exists: boolean;
  /** When the current link was made (ISO). */
  createdAt: string | null;
  /** The feed's full address: only right after it was made (only its hash is stored). */
  url: string | null;
  /** The policy lets this user make a new link (which revokes the old). */
  canCreate: boolean;
  create: () => void;
  creating: boolean;
  /** Why making a link failed, if it did (null: it did not). */
  createError: unknown;
  retry: () => void;
}

const CalendarSubscriptionPanel = lazy(() => import('./calendar-subscription-panel'));

interface CalendarSubscriptionProps {
  /**
   * The hook that reads and makes the organisation's link (api-client's `useCalendarFeed`): called
   * only once the panel is open, so a list page does not ask for it on every visit.
   */
  useFeed: () => CalendarFeedState;
}

/**
 * "Abonner i kalender" where an app lists activities: a button that opens a panel with the
 * organisation's calendar feed link (copy it; make a new one), for Outlook, Google or Apple
 * Calendar. The panel's code loads when it is first opened.
 */
export function CalendarSubscription({ useFeed }: CalendarSubscriptionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  return (
    <div className="kb-stack">
      <button type="button" className="ds-button" data-variant="secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('calendarFeed.open')}
      </button>
      <div id={panelId} hidden={!open}>
        {open && (
          <Suspense fallback={<LoadingState />}>
            <CalendarSubscriptionPanel useFeed={useFeed} />
          </Suspense>
        )}
      </div>
    </div>
  );
}
