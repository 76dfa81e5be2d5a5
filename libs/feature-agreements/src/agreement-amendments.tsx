import { agreementQueries, ApiError, meQueries, serviceQueries, useAcceptAmendment, useCan, useProposeAmendment } from '@kompetansebro/api-client';
import {
  AMENDABLE_STATUSES,
  amendmentOf,
  collaborationLevels,
  compareNorwegian,
  mayAcceptFor,
  thematicAreas,
  serviceTypeSchema,
  visibilityFor,
  type AgreementAmendment,
  type AgreementDetail,
  type AmendmentChange,
  type CollaborationLevel,
  type ServiceType,
  type ThematicArea,
} from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, actionErrorText, ErrorSummary, Section, TextArea, TextField } from '@kompetansebro/ui';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementErrorText } from './agreement-error-text';
import { CheckboxGroup } from './checkbox-group';

function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiError && error.status === 412) return t('agreements.detail.staleVersion');
  return actionErrorText(t, error);
}

/** A value of a change as people read it: dates as dates, service types by name, lists joined. */
function shown(t: TFunction, language: 'nb' | 'nn' | 'en', change: AmendmentChange, side: 'before' | 'after'): string {
  const value = change[side];
  if (change.field === 'services') {
    const types = (side === 'before' ? change.beforeTypes : change.afterTypes) ?? [];
    return types.length === 0 ? t('common.none') : types.map((type) => (serviceTypeSchema.safeParse(type).success ? t(`serviceType.${type as 'study_places'}`) : type)).join(', ');
  }
  if (change.field === 'endDate') return typeof value === 'string' ? formatDate(value, language) : t('common.notProvided');
  if (change.field === 'levels') return (value as string[]).map((level) => t(`collaborationLevel.${level as 'practical'}`)).join(', ') || t('common.none');
  if (change.field === 'themes') return (value as string[]).map((theme) => t(`thematicArea.${theme as 'library_services_for_students'}`)).join(', ') || t('common.none');
  return typeof value === 'string' && value !== '' ? value : t('common.notProvided');
}

/**
 * Every version of a signed agreement: the signed text (version 1) and each amendment — what
 * changed, before → after, and why; who it touches and who has accepted it, with the button for
 * a party the user answers for. Where the user may change the agreement, a form proposes the next.
 */
export function AgreementAmendments({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const mayPropose = useCan('agreement', 'update');
  const amendable = AMENDABLE_STATUSES.includes(agreement.status);
  if (agreement.amendments.length === 0 && !(mayPropose && amendable)) return null;
  const waiting = agreement.amendments.some((amendment) => amendment.status === 'proposed');
  return (
    <Section id="agreement-versions" title={t('agreements.amendments.title')} intro={t('agreements.amendments.intro')} className="kb-stack">
      <ol className="kb-stack">
        {agreement.amendments.length > 0 && (
          <li className="kb-stack">
            <h3 className="ds-heading" data-size="xs">
              {t('agreements.amendments.signedVersion')}
            </h3>
            <VersionDocuments agreementId={agreement.id} number={1} />
          </li>
        )}
        {agreement.amendments.map((amendment) => (
          <Amendment key={amendment.id} agreement={agreement} amendment={amendment} />
        ))}
      </ol>
      {mayPropose && amendable && !waiting && <ProposeAmendment agreement={agreement} />}
    </Section>
  );
}

/** The agreement's document as a version read, to download. */
function VersionDocuments({ agreementId, number }: { agreementId: string; number: number }) {
  const { t } = useTranslation();
  return (
    <p className="ds-paragraph">
      <a className="ds-link" href={agreementQueries.generatedDocumentUrl(agreementId, 'pdf', number)} download>
        {t('agreements.amendments.pdfOf', { number })}
      </a>
      {' · '}
      <a className="ds-link" href={agreementQueries.generatedDocumentUrl(agreementId, 'docx', number)} download>
        {t('agreements.amendments.docxOf', { number })}
      </a>
    </p>
  );
}

export function Amendment({ agreement, amendment }: { agreement: AgreementDetail; amendment: AgreementAmendment }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useQuery(meQueries.current());
  const accept = useAcceptAmendment(agreement.id);
  const fieldName = (change: AmendmentChange) =>
    change.field === 'services'
      ? t('agreements.amendments.servicesOf', { name: agreement.parties.find((p) => p.actorId === change.actorId)?.actorName ?? '' })
      : t(`agreements.fields.${change.field}`);
  const user = me.data;
  const mayAccept = (party: AgreementAmendment['parties'][number]) =>
    amendment.status === 'proposed' && party.acceptedAt === null && !!user && mayAcceptFor(visibilityFor(user.role, { organisationId: user.activeOrganisationId }), party);
  return (
    <li className="kb-stack">
      <h3 className="ds-heading" data-size="xs">
        {t('agreements.amendments.version', { number: amendment.number })} —{' '}
        {amendment.status === 'in_force'
          ? t('agreements.amendments.inForce', { date: formatDate(amendment.inForceAt ?? amendment.proposedAt, language) })
          : t('agreements.amendments.proposed', { date: formatDate(amendment.proposedAt, language) })}
      </h3>
      <p className="ds-paragraph">{t('agreements.amendments.reason', { reason: amendment.reason })}</p>
      {amendment.status === 'in_force' && <VersionDocuments agreementId={agreement.id} number={amendment.number} />}
      {/* Scrolls sideways on a narrow screen: focusable, so a keyboard scrolls it too. */}
      <div className="kb-table-scroll" tabIndex={0} role="region" aria-label={t('agreements.amendments.changesCaption', { number: amendment.number })}>
        <table className="ds-table" data-size="sm">
          <caption>{t('agreements.amendments.changesCaption', { number: amendment.number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreements.amendments.what')}</th>
              <th scope="col">{t('agreements.amendments.before')}</th>
              <th scope="col">{t('agreements.amendments.after')}</th>
            </tr>
          </thead>
          <tbody>
            {amendment.changes.map((change) => (
              <tr key={`${change.field}-${change.actorId ?? ''}`}>
                <th scope="row">{fieldName(change)}</th>
                <td>{shown(t, language, change, 'before')}</td>
                <td>{shown(t, language, change, 'after')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ul className="kb-stack">
        {amendment.parties.map((party) => (
          <li key={party.actorId}>
            {party.actorName}:{' '}
            {party.acceptedAt ? t('agreements.detail.acceptance.accepted', { date: formatDate(party.acceptedAt, language) }) : t('agreements.detail.acceptance.notYet')}
            {mayAccept(party) && (
              <>
                {' '}
                <Button
                  variant="primary"
                  data-size="sm"
                  disabled={accept.isPending}
                  onClick={() => accept.mutate({ amendmentId: amendment.id, actorId: party.actorId, version: agreement.version })}
                >
                  {t('agreements.amendments.accept', { name: party.actorName })}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {accept.isError && (
        <Alert color="danger" heading={t('agreements.decision.failed')}>
          <p className="ds-paragraph">{errorText(t, accept.error)}</p>
        </Alert>
      )}
    </li>
  );
}

const amendReasonId = 'agreement-amend-reason';
const amendEndDateId = 'agreement-amend-end-date';

/**
 * The next amendment: why, and any change the API takes — the end date, the summary, levels,
 * themes, and the services each party commits (add or remove). Only what differs from the
 * agreement is a change; the parties it touches accept it in their own apps.
 */
function ProposeAmendment({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const propose = useProposeAmendment(agreement.id);
  const [reason, setReason] = useState('');
  const [endDate, setEndDate] = useState(agreement.endDate ?? '');
  const [description, setDescription] = useState(agreement.description ?? '');
  const [levels, setLevels] = useState<CollaborationLevel[]>(agreement.levels);
  const [themes, setThemes] = useState<ThematicArea[]>(agreement.themes);
  const [services, setServices] = useState<Record<string, string[]>>(() =>
    Object.fromEntries(agreement.parties.map((party) => [party.actorId, party.services.map((service) => service.serviceId)])),
  );
  const offered = useQueries({ queries: agreement.parties.map((party) => serviceQueries.list({ actor: party.actorId, pageSize: 100 })) });
  const [reasonMissing, setReasonMissing] = useState(false);
  // What the form finds itself, every field at once (the domain's amendment rules, as the API checks them).
  const [found, setFound] = useState<{ empty: boolean; endBeforeStart: boolean }>({ empty: false, endBeforeStart: false });
  const [attempt, setAttempt] = useState(0);
  const fieldErrors = propose.error instanceof ApiError ? propose.error.fieldErrors : {};
  const errorUnder = (prefix: string) => Object.keys(fieldErrors).some((path) => path === prefix || path.startsWith(`${prefix}.`));
  const reasonError = reasonMissing ? t('agreements.amendments.reasonRequired') : found.empty || fieldErrors['reason'] ? t('agreements.amendments.nothingChanged') : undefined;
  const serverEndDateError = fieldErrors['endDate'];
  const endDateError = serverEndDateError ? agreementErrorText(t, serverEndDateError, endDate) : found.endBeforeStart ? t('agreements.create.errors.end_before_start') : undefined;
  const summary = [
    ...(reasonError ? [{ fieldId: amendReasonId, message: reasonError }] : []),
    ...(endDateError ? [{ fieldId: amendEndDateId, message: endDateError }] : []),
  ];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const request = {
      version: agreement.version,
      reason: reason.trim(),
      endDate: endDate || null,
      description: description.trim() || null,
      levels,
      themes,
      // Every party in order (the API's `services.i` is party i); an unchanged list changes nothing.
      services: agreement.parties.map((party) => ({ actorId: party.actorId, serviceIds: services[party.actorId] ?? [] })),
    };
    const ruleErrors = AMENDABLE_STATUSES.includes(agreement.status) ? amendmentOf(agreement, request).errors : [];
    const missing = reason.trim().length < 3;
    const next = { empty: ruleErrors.some((error) => error.code === 'amendment_empty'), endBeforeStart: ruleErrors.some((error) => error.path === 'endDate') };
    setReasonMissing(missing);
    setFound(next);
    // The server's errors were about the last request: this one is judged afresh.
    propose.reset();
    if (missing || next.empty || next.endBeforeStart) return setAttempt((count) => count + 1);
    propose.mutate(request, { onSuccess: () => setReason(''), onError: () => setAttempt((count) => count + 1) });
  };

  return (
    <form className="kb-stack" noValidate onSubmit={submit} aria-labelledby="agreement-amend">
      <h3 className="ds-heading" data-size="xs" id="agreement-amend">
        {t('agreements.amendments.proposeTitle')}
      </h3>
      <p className="ds-paragraph">{t('agreements.amendments.proposeIntro')}</p>
      <ErrorSummary errors={summary} focusKey={attempt} />
      <TextArea
        id={amendReasonId}
        label={t('agreements.amendments.reasonLabel')}
        value={reason}
        rows={3}
        maxLength={1000}
        error={reasonError}
        onChange={(event) => setReason(event.target.value)}
      />
      <TextField
        id={amendEndDateId}
        type="date"
        label={t('agreements.fields.endDate')}
        value={endDate}
        error={endDateError}
        onChange={(event) => setEndDate(event.target.value)}
      />
      <TextArea
        label={t('agreements.fields.description')}
        value={description}
        rows={3}
        maxLength={5000}
        error={fieldErrors['description'] ? t('agreements.amendments.invalid') : undefined}
        onChange={(event) => setDescription(event.target.value)}
      />
      {agreement.parties.map((party, i) => {
        const listed = offered[i]?.data?.items ?? [];
        const typeOf = new Map<string, string>([
          ...party.services.map((service) => [service.serviceId, service.type] as const),
          ...listed.map((service) => [service.id, service.type] as const),
        ]);
        const options = [...typeOf.keys()].sort((a, b) => compareNorwegian(t(`serviceType.${typeOf.get(a) as ServiceType}`), t(`serviceType.${typeOf.get(b) as ServiceType}`)));
        // A party with no services has nothing to tick: say so, not an empty heading.
        if (options.length === 0 && offered[i]?.data) {
          return (
            <p key={party.actorId} className="ds-paragraph">
              {t('agreements.amendments.noServicesOf', { name: party.actorName })}
            </p>
          );
        }
        return (
          <CheckboxGroup
            key={party.actorId}
            id={`amend-services-${party.actorId}`}
            legend={t('agreements.amendments.servicesOf', { name: party.actorName })}
            options={options}
            chosen={services[party.actorId] ?? []}
            label={(serviceId) => t(`serviceType.${typeOf.get(serviceId) as ServiceType}`)}
            onChange={(next) => setServices((current) => ({ ...current, [party.actorId]: next }))}
            error={errorUnder(`services.${i}`) ? t('agreements.create.errors.service_not_of_party') : undefined}
          />
        );
      })}
      <CheckboxGroup
        id="amend-levels"
        legend={t('agreements.create.period.levels')}
        options={collaborationLevels}
        chosen={levels}
        label={(level) => t(`collaborationLevel.${level}`)}
        onChange={setLevels}
        error={errorUnder('levels') ? t('agreements.amendments.invalid') : undefined}
      />
      <CheckboxGroup
        id="amend-themes"
        legend={t('agreements.create.period.themes')}
        options={thematicAreas}
        chosen={themes}
        label={(theme) => t(`thematicArea.${theme}`)}
        onChange={setThemes}
        error={errorUnder('themes') ? t('agreements.amendments.invalid') : undefined}
      />
      <p>
        <Button type="submit" variant="secondary" loading={propose.isPending} disabled={propose.isPending}>
          {t('agreements.amendments.propose')}
        </Button>
      </p>
      {propose.isError && !(propose.error instanceof ApiError && propose.error.status === 400) && (
        <Alert color="danger" heading={t('agreements.amendments.failed')}>
          <p className="ds-paragraph">{errorText(t, propose.error)}</p>
        </Alert>
      )}
    </form>
  );
}
