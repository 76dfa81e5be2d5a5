import { initiativeQueries, useCan } from '@kompetansebro/api-client';
import {
  defaultPortfolioWeights,
  MAX_PAGE_SIZE,
  MAX_PORTFOLIO_WEIGHT,
  portfolioCriteria,
  rankPortfolio,
  type InitiativeSummary,
  type PortfolioCriterion,
  type PortfolioWeights,
} from '@kompetansebro/domain';
import { formatAmount, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { DataTable, EmptyState, Page, QueryError, Select, useListSearch, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useInitiativeFeature } from './initiative-feature-context';
import './initiatives.css';
import { maturityLabel } from './maturity-label';

/** The portfolio's weights in the URL, Norwegian as the user sees them: effekt, kostnad, modenhet (0–5). */
const weightSchema = z.coerce.number().int().min(0).max(MAX_PORTFOLIO_WEIGHT).optional();
const portfolioSearchSchema = z.object({ effekt: weightSchema, kostnad: weightSchema, modenhet: weightSchema });
const searchKey: Record<PortfolioCriterion, keyof z.infer<typeof portfolioSearchSchema>> = { effect: 'effekt', cost: 'kostnad', maturity: 'modenhet' };

type Candidate = InitiativeSummary & { societalEffect: number | null; cost: number | null };

/**
 * The portfolio: every initiative ranked by the county's criteria — societal effect, cost and
 * maturity — with the weights the user chooses (kept in the URL, so a ranking can be shared).
 */
export function PortfolioPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useInitiativeFeature();
  const canUpdate = useCan('initiative', 'update');
  const navigate = useNavigate();
  const { view: search } = useListSearch(portfolioSearchSchema, paths.portfolio);
  const weights: PortfolioWeights = {
    effect: search.effekt ?? defaultPortfolioWeights.effect,
    cost: search.kostnad ?? defaultPortfolioWeights.cost,
    maturity: search.modenhet ?? defaultPortfolioWeights.maturity,
  };
  // The portfolio is small (tens); one page of the largest size holds it.
  const initiatives = useQuery(initiativeQueries.list({ pageSize: MAX_PAGE_SIZE, sort: 'title' }));

  // The weights as numbers (effekt=3, not effekt="3"); trying them replaces the history entry rather than adding one per choice.
  const setWeight = (criterion: PortfolioCriterion, value: number) => {
    const next: Record<string, number> = { [searchKey[criterion]]: value };
    for (const [key, weight] of Object.entries(search)) if (weight !== undefined) next[key] ??= weight;
    void navigate({ to: paths.portfolio, search: next, replace: true });
  };

  const candidates: Candidate[] = (initiatives.data?.items ?? []).map((initiative) => ({
    ...initiative,
    societalEffect: initiative.societalEffect ?? null,
    cost: initiative.budget?.granted ?? null,
  }));
  const ranking = rankPortfolio(candidates, weights);
  type Row = (typeof ranking)[number];

  const columns: TableColumn<Row>[] = [
    { key: 'rank', header: t('initiatives.portfolio.columns.rank'), cell: (row) => formatNumber(row.rank, language) },
    {
      key: 'title',
      header: t('initiatives.portfolio.columns.title'),
      rowHeader: true,
      cell: (row) => (
        <Link className="ds-link" to={paths.detail} params={{ id: row.candidate.id }}>
          {row.candidate.title}
        </Link>
      ),
    },
    { key: 'score', header: t('initiatives.portfolio.columns.score'), cell: (row) => formatNumber(row.score, language, { maximumFractionDigits: 1 }) },
    {
      key: 'effect',
      header: t('initiatives.portfolio.columns.effect'),
      cell: (row) => (row.candidate.societalEffect === null ? t('initiatives.portfolio.notAssessed') : t('initiatives.portfolio.effectValue', { value: row.candidate.societalEffect })),
    },
    { key: 'cost', header: t('initiatives.portfolio.columns.cost'), cell: (row) => (row.candidate.cost === null ? t('initiatives.notSet') : formatAmount(row.candidate.cost, language)) },
    { key: 'maturity', header: t('initiatives.portfolio.columns.maturity'), cell: (row) => (row.candidate.maturityLevel ? maturityLabel(t, row.candidate.maturityLevel) : t('initiatives.notSet')) },
    {
      key: 'missing',
      header: t('initiatives.portfolio.columns.missing'),
      cell: (row) => (row.missing.length === 0 ? t('common.none') : row.missing.map((criterion) => t(`initiatives.portfolio.criteria.${criterion}`)).join(', ')),
    },
  ];

  return (
    <Page title={t('initiatives.portfolio.title')}>
      <p className="kb-cluster">
        <Link className="ds-link" to={paths.list}>
          {t('initiatives.detail.backToList')}
        </Link>
      </p>
      <p className="ds-paragraph">
        {t('initiatives.portfolio.intro', { max: MAX_PORTFOLIO_WEIGHT })}
        {/* Where to set the effect, only to someone who may edit an initiative. */}
        {canUpdate && ` ${t('initiatives.portfolio.effectWhere')}`}
      </p>

      <fieldset className="ds-fieldset kb-cluster">
        <legend className="ds-heading" data-size="2xs">
          {t('initiatives.portfolio.weights')}
        </legend>
        {portfolioCriteria.map((criterion) => (
          <Select
            key={criterion}
            label={t(`initiatives.portfolio.criteria.${criterion}`)}
            options={Array.from({ length: MAX_PORTFOLIO_WEIGHT + 1 }, (_, value) => ({ value: String(value), label: String(value) }))}
            value={String(weights[criterion])}
            onChange={(event) => setWeight(criterion, Number(event.target.value))}
          />
        ))}
      </fieldset>

      {initiatives.isError ? (
        <QueryError error={initiatives.error} onRetry={() => void initiatives.refetch()} />
      ) : initiatives.data && initiatives.data.total === 0 ? (
        <EmptyState title={t('initiatives.list.emptyTitle')}>{t('initiatives.list.emptyBody')}</EmptyState>
      ) : (
        <>
          <h2 className="ds-heading" data-size="xs">
            {t('initiatives.portfolio.caption')}
          </h2>
          <DataTable caption={t('initiatives.portfolio.caption')} captionHidden columns={columns} rows={initiatives.data ? ranking : undefined} rowKey={(row) => row.candidate.id} busy={initiatives.isFetching} skeletonRows={8} />
          <p className="ds-paragraph" data-size="sm">
            {t('initiatives.portfolio.howScored')}
          </p>
        </>
      )}
    </Page>
  );
}
