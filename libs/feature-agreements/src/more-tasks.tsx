import type { Page, PendingAcceptance, PendingAcceptanceListQuery } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

/**
 * Under a home's newest tasks, when there are more: "Viser 5 av 241" and the link to the list of
 * every task (of `kind`, as the home shows them). Nothing when the home shows them all.
 */
export function MoreTasks({ page, to, kind }: { page: Page<PendingAcceptance>; to: string; kind?: PendingAcceptanceListQuery['kind'] | undefined }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (page.total <= page.items.length && !page.totalCapped) return null;
  const counts = { shown: formatNumber(page.items.length, language), total: formatNumber(page.total, language) };
  return (
    <p className="ds-paragraph kb-cluster">
      <span>{t(page.totalCapped ? 'agreements.tasks.shownOver' : 'agreements.tasks.shown', counts)}</span>
      <Link className="ds-link" to={to} search={kind ? { kind } : {}}>
        {t(page.totalCapped ? 'agreements.tasks.showAllOver' : 'agreements.tasks.showAll', counts)}
      </Link>
    </p>
  );
}
