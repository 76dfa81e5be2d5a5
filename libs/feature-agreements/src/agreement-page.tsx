import {
  agreementQueries,
  ApiError,
  useCan,
  useRemoveAgreementDocument,
  useRenewAgreement,
  useTransitionAgreement,
  useUploadAgreementDocument,
} from '@kompetansebro/api-client';
import { canRenew, dayAfter, renewalViolations, type AgreementDetail, type AgreementDocument, type AgreementStatus, type FieldError } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import {
  agreementStatusColor,
  agreementTransitionText,
  Alert,
  BackAndHistoryLinks,
  Button,
  buttonLinkProps,
  ConfirmDialog,
  ErrorSummary,
  Fact,
  FailureAlert,
  actionErrorText,
  Page,
  RecordLink,
  Section,
  StatusTag,
  TextArea,
  TextField,
} from '@kompetansebro/ui';
import { useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { agreementErrorText } from './agreement-error-text';
import { useAgreementFeature } from './agreement-feature-context';
import { allPartiesAccepted, isOpenForNegotiation, PartyAcceptance } from './agreement-acceptance';
import { AgreementAmendments } from './agreement-amendments';

const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The record the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  return agreementQueries.detail(id);
}

/** One agreement: parties and what each commits to, documents, history, and the next steps allowed now. */
export function AgreementPage() {
  // Loaded by the route before the page shows (its pending and error pages are the route's).
  const agreement = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  return <AgreementDetails agreement={agreement.data} />;
}


function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 412) return t('agreements.detail.staleVersion');
  if (error instanceof ApiError && error.status === 409) return t('agreements.detail.transitionConflict');
  return actionErrorText(t, error);
}

function AgreementDetails({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useAgreementFeature();
  const transition = useTransitionAgreement(agreement.id);
  // A renewal is a new agreement: offered where the policy lets the role create one.
  const mayRenew = useCan('agreement', 'create');
  const mayEdit = useCan('agreement', 'update');
  const [confirmingTerminate, setConfirmingTerminate] = useState(false);
  const [signingWithout, setSigningWithout] = useState(false);
  const [overrideReason, setOverrideReason] = useState('');
  const [reasonMissing, setReasonMissing] = useState(false);
  // The status a move left (the answer's: sending to parties who all accepted signs it); a new object each time, so its notice takes the focus again.
  const [done, setDone] = useState<{ status: AgreementStatus } | null>(null);

  const moveTo = (to: AgreementStatus, reason?: string) => {
    setDone(null);
    transition.mutate(
      { to, version: agreement.version, ...(reason ? { overrideReason: reason } : {}) },
      {
        onSuccess: (moved) => {
          setConfirmingTerminate(false);
          setSigningWithout(false);
          setOverrideReason('');
          setDone({ status: moved.status });
        },
        onError: () => {
          setConfirmingTerminate(false);
          setSigningWithout(false);
        },
      },
    );
  };

  const allAccepted = allPartiesAccepted(agreement);
  // Fulfilment at a glance: committed services no longer offered as committed.
  const unmet = agreement.parties.flatMap((party) => party.services).filter((service) => service.fulfilment !== 'met').length;
  const notAccepted = agreement.parties.filter((party) => party.acceptedAt === null).map((party) => party.actorName);
  // "Signed" needs every party's acceptance; without some, the county signs only with a reason.
  const choose = (to: AgreementStatus) => {
    if (to === 'terminated') return setConfirmingTerminate(true);
    if (to === 'signed' && !allAccepted) {
      setReasonMissing(false);
      return setSigningWithout(true);
    }
    moveTo(to);
  };
  const signWithout = () => {
    const reason = overrideReason.trim();
    if (reason.length < 3) return setReasonMissing(true);
    moveTo('signed', reason);
  };
  // Once every party has accepted, signing is the natural next step: first and the only primary button.
  const signNext = allAccepted && agreement.allowedTransitions.includes('signed');
  const nextSteps = signNext
    ? ['signed' as const, ...agreement.allowedTransitions.filter((to) => to !== 'signed')]
    : agreement.allowedTransitions;

  const date = (value: string | null) => (value ? <time dateTime={value}>{formatDate(value, language)}</time> : null);
  return (
    <Page
      title={agreement.title}
      actions={
        // Everything can be edited while the agreement is a draft or negotiated.
        mayEdit &&
        isOpenForNegotiation(agreement.status) && (
          <Link to={paths.edit} params={{ id: agreement.id }} {...buttonLinkProps('secondary')}>
            {t('agreements.edit.link')}
          </Link>
        )
      }
    >
      <BackAndHistoryLinks
        backTo={paths.list}
        backText={t('agreements.detail.backToList')}
        historyPath={paths.history}
        entity="agreement"
        id={agreement.id}
        historyText={t('agreements.detail.historyLink')}
      />
      <p className="ds-paragraph">
        {t('agreements.detail.statusLabel')}{' '}
        <StatusTag color={agreementStatusColor[agreement.status]}>{t(`agreementStatus.${agreement.status}`)}</StatusTag>
      </p>

      {/* Before the notice: a dialog closes (and the browser hands the focus back) before the notice takes it. */}
      <ConfirmDialog
        open={signingWithout}
        title={t('agreements.signing.overrideTitle')}
        confirmLabel={t('agreements.signing.overrideConfirm')}
        cancelLabel={t('common.cancel')}
        confirmColor="accent"
        busy={transition.isPending}
        onConfirm={signWithout}
        onCancel={() => setSigningWithout(false)}
      >
        <p className="ds-paragraph">{t('agreements.signing.overrideBody', { names: notAccepted.join(', ') })}</p>
        <TextArea
          label={t('agreements.signing.reasonLabel')}
          value={overrideReason}
          rows={3}
          maxLength={1000}
          error={reasonMissing ? t('agreements.signing.reasonRequired') : undefined}
          onChange={(event) => setOverrideReason(event.target.value)}
        />
      </ConfirmDialog>

      <ConfirmDialog
        open={confirmingTerminate}
        title={t('agreements.detail.terminateTitle')}
        confirmLabel={t('agreements.detail.terminateConfirm')}
        cancelLabel={t('common.cancel')}
        busy={transition.isPending}
        onConfirm={() => moveTo('terminated')}
        onCancel={() => setConfirmingTerminate(false)}
      >
        {t('agreements.detail.terminateBody', { title: agreement.title })}
      </ConfirmDialog>

      {/* The button pressed is gone after a move: the notice of the new status takes the focus (WCAG 2.4.3). */}
      <div role="status">
        {done && (
          <Alert color="success" focusKey={done}>
            {t('agreements.detail.transitioned', { status: t(`agreementStatus.${done.status}`) })}
          </Alert>
        )}
      </div>
      <FailureAlert title={t('agreements.detail.transitionFailed')} message={transition.isError ? errorText(t, transition.error) : null} />

      <section aria-labelledby="agreement-actions" className="kb-stack">
        <h2 className="ds-heading" data-size="sm" id="agreement-actions">
          {t('agreements.detail.actionsTitle')}
        </h2>
        {agreement.status === 'draft' && agreement.allowedTransitions.includes('negotiating') && (
          <p className="ds-paragraph">{t('agreements.detail.acceptance.draftHint')}</p>
        )}
        {agreement.status === 'negotiating' && !allAccepted && (
          <p className="ds-paragraph">
            {t('agreements.detail.acceptance.waiting', {
              accepted: agreement.parties.filter((party) => party.acceptedAt !== null).length,
              total: agreement.parties.length,
            })}
          </p>
        )}
        {agreement.status === 'negotiating' && allAccepted && (
          <Alert color="success">
            <p className="ds-paragraph">
              {agreement.allowedTransitions.includes('signed')
                ? t('agreements.detail.acceptance.allAcceptedCounty')
                : t('agreements.detail.acceptance.allAcceptedCoordinator')}
            </p>
          </Alert>
        )}
        {agreement.allowedTransitions.length === 0 ? (
          <p className="ds-paragraph">{t('agreements.detail.noTransitions')}</p>
        ) : (
          <div className="kb-cluster">
            {nextSteps.map((to) => (
              <Button
                key={to}
                // Going back to a draft, ending, or anything but signing once all have accepted is a side step.
                variant={to === 'terminated' || to === 'draft' || (signNext && to !== 'signed') ? 'secondary' : 'primary'}
                color={to === 'terminated' ? 'danger' : undefined}
                disabled={transition.isPending}
                onClick={() => choose(to)}
              >
                {agreement.status === 'draft' && to === 'negotiating'
                  ? t('agreements.detail.readyToSign')
                  : t(`agreementTransition.${to}`)}
              </Button>
            ))}
          </div>
        )}
      </section>

      <Section id="agreement-facts" title={t('agreements.detail.factsTitle')}>
        <dl className="kb-facts">
          <Fact label={t('agreements.fields.kind')}>{t(`agreementKind.${agreement.kind}`)}</Fact>
          <Fact label={t('agreements.fields.startDate')}>{date(agreement.startDate)}</Fact>
          <Fact label={t('agreements.fields.endDate')}>{date(agreement.endDate)}</Fact>
          <Fact label={t('agreements.fields.levels')}>
            {agreement.levels.length > 0 ? agreement.levels.map((level) => t(`collaborationLevel.${level}`)).join(', ') : null}
          </Fact>
          <Fact label={t('agreements.fields.themes')}>
            {agreement.themes.length > 0 ? agreement.themes.map((theme) => t(`thematicArea.${theme}`)).join(', ') : null}
          </Fact>
          <Fact label={t('agreements.fields.description')}>{agreement.description}</Fact>
          {agreement.renewsId && (
            <Fact label={t('agreements.detail.renews')}>
              <Link className="ds-link" to={paths.detail} params={{ id: agreement.renewsId }}>
                {t('agreements.detail.earlierVersion')}
              </Link>
            </Fact>
          )}
          {agreement.renewedById && (
            <Fact label={t('agreements.detail.renewedBy')}>
              <Link className="ds-link" to={paths.detail} params={{ id: agreement.renewedById }}>
                {t('agreements.detail.laterVersion')}
              </Link>
            </Fact>
          )}
        </dl>
      </Section>

      <section aria-labelledby="agreement-parties" className="kb-stack">
        <h2 className="ds-heading" data-size="sm" id="agreement-parties">
          {t('agreements.detail.partiesTitle')}
        </h2>
        {unmet > 0 && (
          <Alert color="warning">
            <p className="ds-paragraph">{t('agreements.fulfilment.summary', { count: unmet })}</p>
          </Alert>
        )}
        <ul className="kb-stack">
          {agreement.parties.map((party) => (
            <li key={party.actorId}>
              <p className="ds-paragraph">
                <RecordLink to={paths.actor} id={party.actorId}>
                  {party.actorName}
                </RecordLink> — {t(`partyRole.${party.role}`)}
              </p>
              <PartyAcceptance agreement={agreement} party={party} />
              {party.services.length > 0 ? (
                <>
                  <p className="ds-paragraph">
                    {t('agreements.detail.commits')} {party.services.map((service) => t(`serviceType.${service.type}`)).join(', ')}
                  </p>
                  {party.services
                    .filter((service) => service.fulfilment !== 'met')
                    .map((service) => (
                      <p key={service.serviceId} className="ds-paragraph">
                        <StatusTag color="warning">{t('agreements.fulfilment.notMet')}</StatusTag> {t(`serviceType.${service.type}`)}: {t(`agreements.fulfilment.${service.fulfilment}`)}
                      </p>
                    ))}
                </>
              ) : (
                <p className="ds-paragraph">{t('agreements.detail.noServices')}</p>
              )}
            </li>
          ))}
        </ul>
      </section>

      <AgreementAmendments agreement={agreement} />

      <Documents agreement={agreement} />

      {mayRenew && canRenew(agreement.status) && !agreement.renewedById && <Renewal agreement={agreement} />}

      <Section id="agreement-history" title={t('agreements.detail.historyTitle')}>
        {agreement.transitions.length === 0 ? (
          <p className="ds-paragraph">{t('agreements.detail.noHistory')}</p>
        ) : (
          <ol>
            {agreement.transitions.map((record) => (
              <li key={`${record.at}-${record.to}`}>
                <time dateTime={record.at}>{formatDate(record.at, language)}</time>: {agreementTransitionText(t, record)}
              </li>
            ))}
          </ol>
        )}
      </Section>
    </Page>
  );
}

function Documents({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const upload = useUploadAgreementDocument(agreement.id);
  const remove = useRemoveAgreementDocument(agreement.id);
  const mayUpload = useCan('agreement', 'update');
  const mayRemove = useCan('agreement', 'delete');
  const [progress, setProgress] = useState<number | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AgreementDocument | null>(null);

  const onFile = (file: File | undefined) => {
    setLocalError(null);
    setUploaded(null);
    if (!file) return;
    if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return setLocalError(t('agreements.documents.notPdf'));
    if (file.size > MAX_DOCUMENT_BYTES) return setLocalError(t('agreements.documents.tooLarge'));
    setProgress(0);
    upload.mutate(
      { file, onProgress: setProgress },
      {
        onSuccess: () => setUploaded(file.name),
        onSettled: () => setProgress(null),
      },
    );
  };

  return (
    <section aria-labelledby="agreement-documents" className="kb-stack">
      <h2 className="ds-heading" data-size="sm" id="agreement-documents">
        {t('agreements.documents.title')}
      </h2>
      <p className="ds-paragraph">
        {t('agreements.documents.generated')}{' '}
        <a className="ds-link" href={agreementQueries.generatedDocumentUrl(agreement.id, 'pdf')} download>
          {t('agreements.documents.generatedPdf')}
        </a>
        {' · '}
        <a className="ds-link" href={agreementQueries.generatedDocumentUrl(agreement.id, 'docx')} download>
          {t('agreements.documents.generatedDocx')}
        </a>
      </p>
      {agreement.documents.length === 0 ? (
        <p className="ds-paragraph">{t('agreements.documents.none')}</p>
      ) : (
        <ul className="kb-stack">
          {agreement.documents.map((document) => (
            <li key={document.id} className="kb-cluster">
              <a className="ds-link" href={agreementQueries.documentUrl(agreement.id, document.id)} download={document.filename}>
                {document.filename}
              </a>
              <span>
                {t('agreements.documents.size', { size: formatNumber(Math.ceil(document.sizeBytes / 1024), language) })},{' '}
                {formatDate(document.uploadedAt, language)}
              </span>
              {mayRemove && (
                <Button variant="tertiary" color="danger" onClick={() => setRemoving(document)}>
                  {t('agreements.documents.remove', { filename: document.filename })}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {mayUpload && (
        <div>
          <label className="ds-label" htmlFor="agreement-document-upload">
            {t('agreements.documents.uploadLabel')}
          </label>
          <p className="ds-paragraph" data-size="sm" id="agreement-document-help">
            {t('agreements.documents.uploadHelp')}
          </p>
          <input
            id="agreement-document-upload"
            className="ds-input"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby="agreement-document-help"
            disabled={upload.isPending}
            onChange={(event) => {
              onFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </div>
      )}
      {progress !== null && (
        <p className="ds-paragraph">
          <label htmlFor="agreement-upload-progress">{t('agreements.documents.uploading')}</label>{' '}
          <progress id="agreement-upload-progress" max={1} value={progress} />
        </p>
      )}
      <div role="status">{uploaded && <p className="ds-paragraph">{t('agreements.documents.uploaded', { filename: uploaded })}</p>}</div>
      <FailureAlert title={t('agreements.documents.failed')} message={localError ?? (upload.isError || remove.isError ? errorText(t, upload.error ?? remove.error) : null)} />
      <ConfirmDialog
        open={removing !== null}
        title={t('agreements.documents.removeTitle')}
        confirmLabel={t('agreements.documents.removeConfirm')}
        cancelLabel={t('common.cancel')}
        busy={remove.isPending}
        onConfirm={() => {
          if (removing) remove.mutate({ documentId: removing.id }, { onSettled: () => setRemoving(null) });
        }}
        onCancel={() => setRemoving(null)}
      >
        {t('agreements.documents.removeBody', { filename: removing?.filename ?? '' })}
      </ConfirmDialog>
    </section>
  );
}

const renewalFormId = 'agreement-renewal-form';
const renewalFieldIds: Record<string, string> = { startDate: 'agreement-renewal-start-date', endDate: 'agreement-renewal-end-date' };
const renewalFields = ['startDate', 'endDate'] as const;

function Renewal({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const { paths } = useAgreementFeature();
  const navigate = useNavigate();
  const renew = useRenewAgreement(agreement.id);
  // The day after the old one ends, as the API would choose: no day of overlap.
  const [dates, setDates] = useState<Record<(typeof renewalFields)[number], string>>({ startDate: agreement.endDate ? dayAfter(agreement.endDate) : '', endDate: '' });
  // What the form finds itself (the domain's renewal rules, as the API checks them), every field at once.
  const [found, setFound] = useState<readonly FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const period = { startDate: dates.startDate || null, endDate: dates.endDate || null };
    const violations = renewalViolations(agreement, period);
    setFound(violations);
    // The server's errors were about the last request: this one is judged afresh.
    renew.reset();
    if (violations.length > 0) return setAttempt((count) => count + 1);
    renew.mutate(period, {
      onSuccess: (renewed) => void navigate({ to: paths.detail, params: { id: renewed.id } }),
      onError: () => setAttempt((count) => count + 1),
    });
  };

  const serverErrors = renew.error instanceof ApiError ? (renew.error.problem.errors ?? []) : [];
  const errors = found.length > 0 ? found : serverErrors;
  const values: Record<string, string> = dates;
  const messageOf = (error: FieldError) => agreementErrorText(t, error, values[error.path]);
  const errorAt = (path: string) => {
    const error = errors.find((candidate) => candidate.path === path);
    return error ? messageOf(error) : undefined;
  };
  // An error about no field of this form (a party gone since) points at the form.
  const summary = errors.map((error) => ({ fieldId: renewalFieldIds[error.path] ?? renewalFormId, message: messageOf(error) }));

  return (
    <section aria-labelledby="agreement-renewal" className="kb-stack">
      <h2 className="ds-heading" data-size="sm" id="agreement-renewal">
        {t('agreements.renewal.title')}
      </h2>
      <p className="ds-paragraph">{t('agreements.renewal.intro')}</p>
      <form id={renewalFormId} className="kb-stack" noValidate onSubmit={submit}>
        <ErrorSummary errors={summary} focusKey={attempt} />
        {renewalFields.map((field) => (
          <TextField
            key={field}
            id={renewalFieldIds[field]}
            type="date"
            label={t(`agreements.fields.${field}`)}
            value={dates[field]}
            error={errorAt(field)}
            onChange={(event) => setDates((current) => ({ ...current, [field]: event.target.value }))}
          />
        ))}
        <div className="kb-cluster">
          <Button type="submit" variant="secondary" loading={renew.isPending}>
            {t('agreements.renewal.submit')}
          </Button>
        </div>
      </form>
      {renew.isError && serverErrors.length === 0 && (
        <Alert color="danger" role="alert">
          <p className="ds-paragraph">{errorText(t, renew.error)}</p>
        </Alert>
      )}
    </section>
  );
}
