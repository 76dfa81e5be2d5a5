import { surveyQueries, useCan, useRetryMailOut } from '@kompetansebro/api-client';
import type { MailOut } from '@kompetansebro/domain';
import { formatDateTime } from '@kompetansebro/i18n';
import { Button, DataTable, QueryError, Section, StatusTag, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

const statusColor = { queued: 'neutral', sending: 'info', sent: 'success', failed: 'danger' } as const;

/**
 * A campaign's mail-outs (its invitations, each round of reminders) as the job queue runs them:
 * queued, sending (n of m sent), sent, or failed and why — with "Try again" where the role may
 * change the survey. Read again every two seconds while one is under way.
 */
export function SurveyMailOuts({ surveyId, onFailure }: { surveyId: string; onFailure: (error: unknown) => void }) {
  const { t } = useTranslation();
  const mailOuts = useQuery(surveyQueries.mailOuts(surveyId));
  const retry = useRetryMailOut(surveyId);
  const canRetry = useCan('survey', 'update');

  const progress = (m: MailOut) => {
    const parts = [t('survey.mailOuts.progress', { sent: m.sent, total: m.total })];
    if (m.withoutAddress > 0) parts.push(t('survey.mailOuts.withoutAddress', { count: m.withoutAddress }));
    return parts.join(' ');
  };

  const columns: TableColumn<MailOut>[] = [
    { key: 'kind', header: t('survey.mailOuts.columns.kind'), rowHeader: true, cell: (m) => `${t(`survey.mailOuts.kind.${m.kind}`)} ${formatDateTime(m.createdAt)}` },
    {
      key: 'status',
      header: t('survey.mailOuts.columns.status'),
      cell: (m) => (
        <>
          <StatusTag color={statusColor[m.status]}>{t(`survey.mailOuts.status.${m.status}`)}</StatusTag>{' '}
          <span className="ds-paragraph" data-size="sm">
            {progress(m)}
          </span>
          {m.error && (
            <p className="ds-paragraph" data-size="sm">
              {t(m.status === 'failed' ? 'survey.mailOuts.failedBecause' : 'survey.mailOuts.retrying', { error: m.error })}
            </p>
          )}
        </>
      ),
    },
    {
      key: 'action',
      header: t('survey.mailOuts.columns.action'),
      cell: (m) =>
        canRetry && m.status === 'failed' ? (
          <Button
            variant="secondary"
            data-size="sm"
            aria-label={t('survey.mailOuts.retryNamed', { kind: t(`survey.mailOuts.kind.${m.kind}`), date: formatDateTime(m.createdAt) })}
            loading={retry.isPending && retry.variables === m.id}
            onClick={() => retry.mutate(m.id, { onError: onFailure })}
          >
            {t('survey.mailOuts.retry')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Section id="survey-mail-outs" title={t('survey.mailOuts.title')}>
      {mailOuts.isError ? (
        <QueryError error={mailOuts.error} onRetry={() => void mailOuts.refetch()} />
      ) : (
        // Polite: the progress changes while a mail-out runs, and a screen reader hears where it is.
        <div aria-live="polite">
          {mailOuts.data?.length === 0 ? (
            <p className="ds-paragraph">{t('survey.mailOuts.none')}</p>
          ) : (
            <DataTable caption={t('survey.mailOuts.caption')} captionHidden columns={columns} rows={mailOuts.data ?? []} rowKey={(m) => m.id} />
          )}
        </div>
      )}
    </Section>
  );
}
