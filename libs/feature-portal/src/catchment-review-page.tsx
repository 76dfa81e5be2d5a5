import { ApiError, catchmentReviewQueries, municipalityQueries, useCan, useDecideCatchmentRequest } from '@kompetansebro/api-client';
import { CATCHMENT_DECISION_NOTE_MAX, catchmentDecisionSchema, catchmentRequestErrorCodes, catchmentRequestStatuses, fieldErrorsFromIssues, type CatchmentRequest, type FieldError } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ConfirmDialog, EmptyState, fieldErrorText, httpErrorText, LoadingState, Page, QueryError, Select, StatusTag, TextArea, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import './portal.css';

const statusColor = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;
type Decision = 'approved' | 'rejected';

/** The status shown, in the URL (`?status=approved`): the pending requests by default, `all` for every one. */
const statusFilters = [...catchmentRequestStatuses, 'all'] as const;
const reviewSearchSchema = z.object({ status: z.enum(statusFilters).default('pending') });

/**
 * "Nedslagsfelt" in the county console: the study centres' requests to change their catchment
 * areas, pending first by default (status in the URL), with the municipalities by name. A
 * county admin approves (the area changes) or rejects, with a note, after a confirmation.
 */
export function CatchmentReviewPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { view, update } = useListSearch(reviewSearchSchema, '.');
  const filter = view.status;
  const requests = useQuery(catchmentReviewQueries.list(filter === 'all' ? {} : { status: filter }));
  const municipalities = useQuery(municipalityQueries.list());
  const canDecide = useCan('catchment_request', 'transition');
  const nameOf = (number: string) => municipalities.data?.items.find((m) => m.number === number)?.name ?? number;
  const names = (numbers: readonly string[]) => numbers.map(nameOf).sort((a, b) => a.localeCompare(b, 'nb')).join(', ');

  const [deciding, setDeciding] = useState<{ id: string; decision: Decision } | null>(null);
  const [done, setDone] = useState<{ decision: Decision; centre: string } | null>(null);

  const setFilter = (value: string) => {
    setDone(null);
    update({ status: value as typeof filter });
  };

  const items = requests.data?.items;
  return (
    <Page title={t('portal.review.title')}>
      <p className="ds-paragraph">{t('portal.review.intro')}</p>
      <div className="kb-cluster">
        <Select
          id="catchment-review-status"
          label={t('portal.review.statusFilter')}
          value={filter}
          options={statusFilters.map((value) => ({ value, label: t(`portal.review.filter.${value}`) }))}
          onChange={(event) => setFilter(event.target.value)}
        />
      </div>
      <div role="status">
        {done && <Alert color="success">{t(`portal.review.done.${done.decision}`, { centre: done.centre })}</Alert>}
      </div>
      <p className="ds-sr-only" role="status">
        {items && !requests.isFetching ? t('portal.review.count', { count: items.length, formattedCount: formatNumber(items.length, language) }) : ''}
      </p>
      {requests.isPending || municipalities.isPending ? (
        <LoadingState />
      ) : requests.isError || municipalities.isError ? (
        <QueryError
          error={requests.error ?? municipalities.error}
          onRetry={() => {
            void requests.refetch();
            void municipalities.refetch();
          }}
        />
      ) : requests.data.items.length === 0 ? (
        <EmptyState title={t(`portal.review.empty.${filter}`)}>{t('portal.review.emptyBody')}</EmptyState>
      ) : (
        <ul className="kb-portal-libraries" aria-label={t('portal.review.listLabel')}>
          {requests.data.items.map((request) => (
            <li key={request.id} className="kb-portal-library kb-stack">
              <h2 className="ds-heading" data-size="xs">
                {request.studyCentreName}
              </h2>
              <div className="kb-cluster">
                <StatusTag color={statusColor[request.status]}>{t(`portal.review.status.${request.status}`)}</StatusTag>
                <span>{t('portal.review.sent', { date: formatDate(request.createdAt, language) })}</span>
                {request.decidedAt && <span>{t('portal.review.decided', { date: formatDate(request.decidedAt, language) })}</span>}
              </div>
              {request.add.length > 0 && <p className="ds-paragraph">{t('portal.profile.requestAdd', { names: names(request.add) })}</p>}
              {request.remove.length > 0 && <p className="ds-paragraph">{t('portal.profile.requestRemove', { names: names(request.remove) })}</p>}
              <p className="ds-paragraph">
                {t('portal.review.reason')} {request.reason}
              </p>
              {request.decisionNote && <p className="ds-paragraph">{t('portal.profile.decisionNote', { note: request.decisionNote })}</p>}
              {request.status === 'pending' && canDecide && (
                <div className="kb-cluster">
                  <Button
                    onClick={() => {
                      setDone(null);
                      setDeciding({ id: request.id, decision: 'approved' });
                    }}
                    aria-label={t('portal.review.approveFor', { centre: request.studyCentreName })}
                  >
                    {t('portal.review.approve')}
                  </Button>
                  <Button
                    variant="secondary"
                    onClick={() => {
                      setDone(null);
                      setDeciding({ id: request.id, decision: 'rejected' });
                    }}
                    aria-label={t('portal.review.rejectFor', { centre: request.studyCentreName })}
                  >
                    {t('portal.review.reject')}
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {deciding && (
        <DecisionDialog
          key={`${deciding.id}-${deciding.decision}`}
          decision={deciding.decision}
          request={items?.find((r) => r.id === deciding.id) ?? null}
          describe={(request) => [request.add.length > 0 ? t('portal.profile.requestAdd', { names: names(request.add) }) : '', request.remove.length > 0 ? t('portal.profile.requestRemove', { names: names(request.remove) }) : ''].filter(Boolean).join(' ')}
          onClose={() => setDeciding(null)}
          onDone={(request) => {
            setDeciding(null);
            setDone({ decision: deciding.decision, centre: request.studyCentreName });
          }}
        />
      )}
    </Page>
  );
}

/**
 * Asks "approve/reject this request?", with an optional note for the centre. A request changed
 * or decided by someone else meanwhile (412/409) is said so in the dialog; the list is read
 * again, and the note typed is kept for another try.
 */
function DecisionDialog({
  decision,
  request,
  describe,
  onClose,
  onDone,
}: {
  decision: Decision;
  request: CatchmentRequest | null;
  describe: (request: CatchmentRequest) => string;
  onClose: () => void;
  onDone: (request: CatchmentRequest) => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideCatchmentRequest();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [noteError, setNoteError] = useState<FieldError | null>(null);
  // What the dialog was opened on stays shown when the request leaves the filtered list.
  const [seen] = useState(request);
  const shown = request ?? seen;
  const stillPending = request?.status === 'pending';

  const confirm = () => {
    if (!request || !stillPending) return;
    setProblem(null);
    const answer = { decision, note: note.trim() === '' ? null : note.trim() };
    // The domain's rules, before sending: a rejection says why, and the note is plain text within the limit.
    const checked = catchmentDecisionSchema.safeParse(answer);
    const invalid = checked.success ? null : (fieldErrorsFromIssues(checked.error.issues).find((error) => error.path === 'note') ?? null);
    setNoteError(invalid);
    if (invalid) {
      document.getElementById('catchment-review-note')?.focus();
      return;
    }
    decide.mutate(
      { id: request.id, version: request.version, ...answer },
      {
        onSuccess: (decided) => onDone(decided),
        onError: (error) => {
          const onNote = error instanceof ApiError && error.status === 400 ? (error.problem.errors ?? []).find((e) => e.path === 'note') : undefined;
          if (onNote) setNoteError(onNote);
          else if (error instanceof ApiError && error.status === 412) setProblem(t('portal.review.stale'));
          else if (error instanceof ApiError && error.status === 409) setProblem(t('portal.review.alreadyDecided'));
          else setProblem(error instanceof ApiError ? httpErrorText(t, error.status) : t('states.errorBody'));
        },
      },
    );
  };

  return (
    <ConfirmDialog
      open
      title={t(`portal.review.confirmTitle.${decision}`, { centre: shown?.studyCentreName ?? '' })}
      confirmLabel={t(`portal.review.confirm.${decision}`)}
      cancelLabel={t('common.cancel')}
      confirmColor={decision === 'approved' ? 'accent' : 'danger'}
      busy={decide.isPending}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <div className="kb-stack">
        {shown && <p className="ds-paragraph">{describe(shown)}</p>}
        <p className="ds-paragraph">{t(`portal.review.consequence.${decision}`)}</p>
        <TextArea
          id="catchment-review-note"
          label={t('portal.review.note')}
          description={decision === 'rejected' ? t('portal.review.noteHelpReject') : t('portal.review.noteHelp')}
          requiredLabel={decision === 'rejected' ? t('common.required') : undefined}
          error={noteError ? (noteError.code === catchmentRequestErrorCodes.noteRequired ? t('portal.review.noteRequired') : fieldErrorText(t, noteError, note)) : undefined}
          maxLength={CATCHMENT_DECISION_NOTE_MAX}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        {problem && (
          <Alert color="danger" role="alert">
            {problem}
            {!stillPending && request ? ` ${t('portal.review.nowStatus', { status: t(`portal.review.status.${request.status}`) })}` : ''}
          </Alert>
        )}
      </div>
    </ConfirmDialog>
  );
}
