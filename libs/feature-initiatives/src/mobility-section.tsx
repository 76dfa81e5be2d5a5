import { ApiError, initiativeQueries } from '@kompetansebro/api-client';
import { MAX_PAGE_SIZE, mobilityCategories, type MobilityCategory, type MobilityCount } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Alert, BarChart, Button, httpErrorText, LoadingState, Section } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

/** Counts summed per school year and category (over the schools and companies that reported). */
export function mobilityByYear(counts: readonly MobilityCount[]): Array<{ schoolYear: string; byCategory: Record<MobilityCategory, number>; total: number }> {
  const years = new Map<string, Record<MobilityCategory, number>>();
  for (const count of counts) {
    const row = years.get(count.schoolYear) ?? { apprentice: 0, pupil: 0, teacher: 0, instructor: 0 };
    row[count.category] += count.count;
    years.set(count.schoolYear, row);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([schoolYear, byCategory]) => ({ schoolYear, byCategory, total: mobilityCategories.reduce((sum, category) => sum + byCategory[category], 0) }));
}

/**
 * Erasmus+ mobility: how many apprentices, pupils, teachers and instructors went abroad per
 * school year — a chart whose table alternative has the figures per category. Counts only.
 * `alwaysShow`: show the section (with its empty state) even when nothing is counted.
 */
export function MobilitySection({ initiativeId, alwaysShow }: { initiativeId: string; alwaysShow: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const counts = useQuery(initiativeQueries.mobilityCounts({ initiative: initiativeId, pageSize: MAX_PAGE_SIZE }));
  const rows = mobilityByYear(counts.data?.items ?? []);
  if (!alwaysShow && counts.isSuccess && rows.length === 0) return null;
  const max = Math.max(1, ...rows.map((row) => row.total));

  return (
    <Section id="initiative-mobility" title={t('initiatives.mobility.title')}>
      {counts.isPending ? (
        <LoadingState />
      ) : counts.isError ? (
        <Alert color="danger">
          <p className="ds-paragraph">{counts.error instanceof ApiError ? httpErrorText(t, counts.error.status) : t('states.errorBody')}</p>
          <Button variant="secondary" onClick={() => void counts.refetch()}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : rows.length === 0 ? (
        <p className="ds-paragraph">{t('initiatives.mobility.none')}</p>
      ) : (
        <>
          <p className="ds-paragraph">{t('initiatives.mobility.intro')}</p>
          <BarChart
            caption={t('initiatives.mobility.caption')}
            labelHeader={t('initiatives.mobility.schoolYear')}
            valueHeader={t('initiatives.mobility.total')}
            extraHeaders={mobilityCategories.map((category) => t(`initiatives.mobilityCategory.${category}`))}
            max={max}
            items={rows.map((row) => ({
              key: row.schoolYear,
              label: row.schoolYear,
              value: row.total,
              valueText: t('initiatives.mobility.persons', { count: row.total, formattedCount: formatNumber(row.total, language) }),
              extra: mobilityCategories.map((category) => formatNumber(row.byCategory[category], language)),
            }))}
          />
          {counts.data.items.some((count) => count.sampleData) && <p className="ds-paragraph" data-size="sm">{t('initiatives.sampleData')}</p>}
        </>
      )}
    </Section>
  );
}
