import { surveyQueries, useCan, useCloseSurvey, useRemindSurvey, useSurveyLetters } from '@kompetansebro/api-client';
import { responseRate, type MailOut, type SurveyDetail, type SurveyRecipient } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { actionErrorText, Alert, BarChart, Button, buttonLinkProps, ConfirmDialog, DataTable, FailureAlert, Page, Section, StatusTag, type TableColumn } from '@kompetansebro/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveyFeature } from './survey-feature-context';
import { SurveyMailOuts } from './survey-mail-outs';

/** The record the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  return surveyQueries.detail(id);
}

/** One campaign: its response rate overall and per region (chart and table), who has answered, "send reminder", "close". */
export function SurveyPage() {
  // Loaded by the route before the page shows (its pending and error pages are the route's).
  const survey = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  return <SurveyDetails data={survey.data} />;
}

function SurveyDetails({ data }: { data: SurveyDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { notice, setNotice } = useSurveyFeature();
  const remind = useRemindSurvey(data.id);
  const close = useCloseSurvey(data.id);
  const letters = useSurveyLetters(data.id);
  const [confirmClose, setConfirmClose] = useState(false);
  const [reminded, setReminded] = useState<MailOut | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const failed = (error: unknown) => setFailure(actionErrorText(t, error));
  // Reminders and letters change the survey, closing is a transition: a county viewer only reads.
  const mayRemind = useCan('survey', 'update');
  const mayClose = useCan('survey', 'transition');

  const open = data.status === 'open';
  const percent = responseRate(data.answered, data.recipients);

  const columns: TableColumn<SurveyRecipient>[] = [
    { key: 'library', header: t('survey.detail.columns.library'), rowHeader: true, cell: (r) => r.actorName },
    { key: 'region', header: t('survey.detail.columns.region'), cell: (r) => r.regionName ?? t('survey.detail.noRegion') },
    { key: 'email', header: t('survey.detail.columns.email'), cell: (r) => r.email ?? <StatusTag color="warning">{t('survey.detail.noAddress')}</StatusTag> },
    {
      key: 'status',
      header: t('survey.detail.columns.status'),
      cell: (r) =>
        r.answeredAt ? (
          <StatusTag color="success">{t('survey.detail.answeredBy', { date: formatDate(r.answeredAt, language), name: r.answeredBy ?? '' })}</StatusTag>
        ) : (
          <>
            <StatusTag color="warning">{t('survey.detail.notAnswered')}</StatusTag>
            {r.remindedAt && <span className="ds-paragraph" data-size="sm"> ({t('survey.detail.reminded', { date: formatDate(r.remindedAt, language) })})</span>}
          </>
        ),
    },
  ];

  const actions =
    open && (mayRemind || mayClose) ? (
      <div className="kb-cluster">
        {mayRemind && (
          <Button
            variant="secondary"
            loading={remind.isPending}
            aria-describedby="survey-remind-help"
            onClick={() => {
              setFailure(null);
              setNotice(null);
              remind.mutate(undefined, { onSuccess: setReminded, onError: failed });
            }}
          >
            {t('survey.detail.remind')}
          </Button>
        )}
        {mayClose && (
          <Button variant="secondary" data-color="danger" onClick={() => setConfirmClose(true)}>
            {t('survey.detail.close')}
          </Button>
        )}
      </div>
    ) : undefined;

  return (
    <Page title={data.name} actions={actions}>
      <div className="kb-cluster">
        <StatusTag color={open ? 'success' : 'neutral'}>{t(`survey.status.${data.status}`)}</StatusTag>
        <span className="ds-paragraph">{t('survey.detail.deadline', { date: formatDate(data.deadline, language) })}</span>
      </div>
      <FailureAlert title={t('survey.detail.actionFailed')} message={failure} />
      {open && mayRemind && (
        <p className="ds-paragraph" data-size="sm" id="survey-remind-help">
          {t('survey.detail.remindHelp')}
        </p>
      )}
      <div role="status">
        {notice?.kind === 'started' &&
          (notice.mailed === notice.recipients ? (
            <Alert color="success">{t('survey.create.started', { mailed: notice.mailed, recipients: notice.recipients })}</Alert>
          ) : (
            // Not everyone got it: no success colour, and what to do about the others.
            <Alert color="warning">{t('survey.create.startedPartial', { mailed: notice.mailed, recipients: notice.recipients, missing: notice.recipients - notice.mailed })}</Alert>
          ))}
        {reminded && (
          <Alert color={reminded.withoutAddress > 0 ? 'warning' : 'info'}>
            {t('survey.detail.remindQueued', { count: reminded.total })}
            {reminded.withoutAddress > 0 && ` ${t('survey.detail.withoutAddress', { count: reminded.withoutAddress })}`}
          </Alert>
        )}
      </div>
      {!open && data.closedAt && <Alert color="info">{t('survey.detail.closed', { date: formatDate(data.closedAt, language) })}</Alert>}

      <Section id="survey-rate" title={t('survey.detail.rateTitle')}>
        <p className="ds-paragraph" data-testid="survey-rate">
          {t('survey.detail.overall', { answered: data.answered, recipients: data.recipients, percent })}
        </p>
        <BarChart
          caption={t('survey.detail.perRegion')}
          labelHeader={t('survey.detail.region')}
          valueHeader={t('survey.detail.answered')}
          items={data.regions.map((region) => ({
            key: region.regionId ?? 'none',
            label: region.regionName ?? t('survey.detail.noRegion'),
            value: region.recipients === 0 ? 0 : region.answered / region.recipients,
            valueText: t('survey.list.rate', { answered: region.answered, recipients: region.recipients, percent: responseRate(region.answered, region.recipients) }),
          }))}
        />
      </Section>

      <SurveyMailOuts surveyId={data.id} onFailure={failed} />

      <Section id="survey-recipients" title={t('survey.detail.recipientsTitle')}>
        {open && data.recipientList.some((r) => !r.email) && <p className="ds-paragraph">{t('survey.detail.noAddressHelp')}</p>}
        {open && mayRemind && data.recipientList.some((r) => !r.email && !r.answeredAt) && (
          <>
            <p className="ds-paragraph" id="survey-letters-help">
              {t('survey.detail.lettersHelp')}
            </p>
            <Button
              variant="secondary"
              aria-describedby="survey-letters-help"
              loading={letters.isPending}
              onClick={() => {
                setFailure(null);
                letters.mutate(undefined, {
                  onSuccess: (pdf) => {
                    const url = URL.createObjectURL(pdf);
                    window.open(url, '_blank', 'noopener');
                    setTimeout(() => URL.revokeObjectURL(url), 60_000);
                  },
                  onError: failed,
                });
              }}
            >
              {t('survey.detail.letters')}
            </Button>
          </>
        )}
        <div className="kb-cluster">
          <a href={surveyQueries.exportUrl(data.id, 'csv')} download {...buttonLinkProps('secondary')}>
            {t('common.exportCsv')}
          </a>
          <a href={surveyQueries.exportUrl(data.id, 'xlsx')} download {...buttonLinkProps('secondary')}>
            {t('common.exportXlsx')}
          </a>
        </div>
        <DataTable caption={t('survey.detail.recipientsCaption')} captionHidden columns={columns} rows={data.recipientList} rowKey={(r) => r.actorId} />
      </Section>

      <ConfirmDialog
        open={confirmClose}
        title={t('survey.detail.closeTitle')}
        confirmLabel={t('survey.detail.close')}
        cancelLabel={t('common.cancel')}
        confirmColor="danger"
        busy={close.isPending}
        onCancel={() => setConfirmClose(false)}
        onConfirm={() => {
          setFailure(null);
          close.mutate(
            { version: data.version },
            {
              onSettled: () => setConfirmClose(false),
              onError: failed,
            },
          );
        }}
      >
        <p className="ds-paragraph">{t('survey.detail.closeBody')}</p>
      </ConfirmDialog>
    </Page>
  );
}
