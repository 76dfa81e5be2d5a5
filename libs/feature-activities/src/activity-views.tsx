import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';

/** The filters the views share, carried from one view to the next. */
export interface SharedFilters {
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  organiser?: string | undefined;
  participant?: string | undefined;
}

const defined = (filters: SharedFilters) => Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined && value !== ''));

/**
 * The three ways to look at activities — list, month calendar, counts — as links (each view
 * is its own URL); the kind and period chosen in one go along to the next.
 */
export function ActivityViews({ filters = {} }: { filters?: SharedFilters }) {
  const { t } = useTranslation();
  const { paths } = useActivityFeature();
  const views = [
    { key: 'list', to: paths.list, label: t('activities.views.list'), search: defined(filters) },
    { key: 'calendar', to: paths.calendar, label: t('activities.views.calendar'), search: defined({ kind: filters.kind }) },
    { key: 'counts', to: paths.counts, label: t('activities.views.counts'), search: defined(filters) },
  ] as const;
  return (
    <nav aria-label={t('activities.views.label')} className="kb-activity-views">
      <ul>
        {views.map((view) => (
          <li key={view.key}>
            <Link
              to={view.to}
              search={view.search}
              // The router marks the current view (aria-current="page"); the list's path is a prefix of the others.
              activeOptions={{ exact: true, includeSearch: false }}
              className="ds-link"
            >
              {view.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
