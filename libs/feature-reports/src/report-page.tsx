import { ApiError, initiativeQueries, reportQueries } from '@kompetansebro/api-client';
import { isoDateSchema } from '@kompetansebro/domain';
import { Alert, EmptyState, ErrorSummary, LoadingState, Page, QueryError, Select, TextField, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ReportFileButton } from './report-file-button';
import { ReportPreview } from './report-preview';

const FROM_ID = 'report-from';
const TO_ID = 'report-to';

/**
 * The report screen's state in the URL (`?tiltak=<id>&fra=2024-01-01&til=2024-12-31`), so a
 * link — from an initiative's page, say — opens the same report; an id or date that does not
 * parse is left out.
 */
const reportSearchSchema = z.object({
  tiltak: z.uuid().transform((id) => id.toLowerCase()).optional(),
  fra: isoDateSchema.optional(),
  til: isoDateSchema.optional(),
});

/** A whole date in a date field, or nothing; anything else (a year being typed) waits. */
const isDateOrEmpty = (value: string) => value === '' || isoDateSchema.safeParse(value).success;

/**
 * "Rapporter til finansiører": choose an initiative and a period (all in the URL), see the
 * report as the funder will read it, and download it as DOCX or PDF.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const { view: search, update: updateSearch } = useListSearch(reportSearchSchema, '.');
  const initiatives = useQuery(initiativeQueries.list({ pageSize: 100, sort: 'title' }));

  // A reversed period is caught here, beside the field, before the server is asked.
  const reversed = search.fra !== undefined && search.til !== undefined && search.til < search.fra;
  const period = { from: search.fra, to: search.til };
  const report = useQuery({ ...reportQueries.report(search.tiltak ?? '', period), enabled: search.tiltak !== undefined && !reversed });

  // The server's field errors for the period (paths "query.from" / "query.to"), else our own.
  const serverErrors = report.error instanceof ApiError && report.error.status === 400 ? report.error.fieldErrors : {};
  const fromError = serverErrors['query.from'] ? t('reports.invalidDate') : undefined;
  const toError = reversed ? t('reports.periodReversed') : serverErrors['query.to'] ? t('reports.invalidDate') : undefined;
  const summary = [
    ...(fromError ? [{ fieldId: FROM_ID, message: `${t('reports.from')}: ${fromError}` }] : []),
    ...(toError ? [{ fieldId: TO_ID, message: `${t('reports.to')}: ${toError}` }] : []),
  ];

  const options = (initiatives.data?.items ?? []).map((i) => ({ value: i.id, label: i.title }));
  const data = report.data;
  // Keyed by what the report is of: another initiative or period asks for new files.
  const fileKey = `${search.tiltak}|${search.fra ?? ''}|${search.til ?? ''}`;
  const downloads =
    data &&
    search.tiltak &&
    (['docx', 'pdf'] as const).map((format) => <ReportFileButton key={`${fileKey}|${format}`} initiativeId={search.tiltak ?? ''} period={period} format={format} />);

  return (
    <Page title={t('reports.title')}>
      <p className="ds-paragraph">{t('reports.intro')}</p>
      <ErrorSummary errors={summary} heading={t('reports.errorSummary')} focusKey={summary.map((s) => s.message).join('|')} />

      <div className="kb-cluster" role="group" aria-label={t('reports.controls')}>
        {initiatives.isPending ? (
          <LoadingState text={t('reports.loadingInitiatives')} />
        ) : (
          <Select
            label={t('reports.initiative')}
            emptyOption={t('reports.chooseInitiative')}
            options={options}
            value={search.tiltak ?? ''}
            onChange={(event) => updateSearch({ tiltak: event.target.value || undefined })}
          />
        )}
        <TextField
          id={FROM_ID}
          type="date"
          label={t('reports.from')}
          description={t('reports.fromHelp')}
          error={fromError}
          value={search.fra ?? ''}
          onChange={(event) => isDateOrEmpty(event.target.value) && updateSearch({ fra: event.target.value || undefined })}
        />
        <TextField
          id={TO_ID}
          type="date"
          label={t('reports.to')}
          description={t('reports.toHelp')}
          error={toError}
          value={search.til ?? ''}
          onChange={(event) => isDateOrEmpty(event.target.value) && updateSearch({ til: event.target.value || undefined })}
        />
      </div>

      <p className="ds-sr-only" role="status">
        {data ? t('reports.ready', { title: data.title }) : ''}
      </p>

      {initiatives.isError ? (
        <QueryError error={initiatives.error} onRetry={() => void initiatives.refetch()} />
      ) : initiatives.data && initiatives.data.total === 0 ? (
        <EmptyState title={t('reports.noInitiativesTitle')}>{t('reports.noInitiativesBody')}</EmptyState>
      ) : !search.tiltak ? (
        <EmptyState title={t('reports.chooseTitle')}>{t('reports.chooseBody')}</EmptyState>
      ) : reversed ? null : report.isError ? (
        report.error instanceof ApiError && report.error.status === 404 ? (
          <Alert color="warning" heading={t('reports.notFoundTitle')}>
            <p className="ds-paragraph">{t('reports.notFoundBody')}</p>
          </Alert>
        ) : report.error instanceof ApiError && report.error.status === 400 ? null : (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : !data ? (
        <LoadingState text={t('reports.loading')} />
      ) : (
        <section className="kb-stack" aria-labelledby="report-preview-heading">
          <h2 className="ds-heading" data-size="sm" id="report-preview-heading">
            {t('reports.preview')}
          </h2>
          <p className="ds-paragraph">{t('reports.previewNote')}</p>
          <div className="kb-cluster" role="group" aria-label={t('reports.downloads')}>
            {downloads}
          </div>
          <ReportPreview document={data.document} />
        </section>
      )}
    </Page>
  );
}
