import { Alert } from '@kompetansebro/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivityFeature, type ActivityNotice } from './activity-feature-context';

const noticeKeys = {
  created: 'activities.notice.created',
  saved: 'activities.notice.saved',
  deleted: 'activities.notice.deleted',
} as const satisfies Record<ActivityNotice, string>;

/**
 * The confirmation after a save or delete, for this visit of this page only. Polite and never
 * takes focus; filled after the first paint, so screen readers announce it.
 */
export function ActivityNoticeBanner() {
  const { t } = useTranslation();
  const { notice, setNotice } = useActivityFeature();
  const [shown, setShown] = useState<ActivityNotice | null>(null);
  useEffect(() => {
    if (notice) {
      setShown(notice);
      setNotice(null);
    }
  }, [notice, setNotice]);
  return <div role="status">{shown && <Alert color="success">{t(noticeKeys[shown])}</Alert>}</div>;
}
