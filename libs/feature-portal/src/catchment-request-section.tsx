import { ApiError, municipalityQueries, portalQueries, useCreateCatchmentRequest } from '@kompetansebro/api-client';
import type { CatchmentRequest } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ErrorSummary, httpErrorText, LoadingState, QueryError, Section, StatusTag, TextArea } from '@kompetansebro/ui';
import { SearchablePicker } from '@kompetansebro/ui/searchable-picker';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

const statusColor = { pending: 'warning', approved: 'success', rejected: 'danger' } as const;

/**
 * The catchment area as the county has set it, a form asking the county to change it
 * (municipalities to add and to remove, and why), and the requests sent with their status.
 */
export function CatchmentRequestSection({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const area = useQuery(portalQueries.catchmentArea(centreId));
  const municipalities = useQuery(municipalityQueries.list());
  const requests = useQuery(portalQueries.catchmentRequests(centreId));
  const nameOf = (number: string) => municipalities.data?.items.find((m) => m.number === number)?.name ?? number;

  return (
    <Section id="portal-profile-area" title={t('portal.profile.areaTitle')} intro={t('portal.profile.areaIntro')} className="kb-stack">
      {area.isPending || municipalities.isPending ? (
        <LoadingState />
      ) : area.isError || municipalities.isError ? (
        <QueryError
          error={area.error ?? municipalities.error}
          onRetry={() => {
            void area.refetch();
            void municipalities.refetch();
          }}
          headingLevel={3}
        />
      ) : (
        <>
          <p className="ds-paragraph">
            {t('portal.profile.currentArea')} {area.data.municipalityNumbers.map(nameOf).sort((a, b) => a.localeCompare(b, 'nb')).join(', ') || '–'}
          </p>
          <RequestForm
            centreId={centreId}
            area={area.data.municipalityNumbers}
            municipalities={municipalities.data.items.map((m) => ({ number: m.number, name: m.name }))}
          />
        </>
      )}
      <h3 className="ds-heading" data-size="xs">
        {t('portal.profile.requestsTitle')}
      </h3>
      {requests.isPending ? (
        <LoadingState />
      ) : requests.isError ? (
        <QueryError error={requests.error} onRetry={() => void requests.refetch()} headingLevel={4} />
      ) : requests.data.items.length === 0 ? (
        <p className="ds-paragraph">{t('portal.profile.noRequests')}</p>
      ) : (
        <ul className="kb-portal-libraries">
          {requests.data.items.map((request: CatchmentRequest) => (
            <li key={request.id} className="kb-portal-library">
              <div className="kb-cluster">
                <StatusTag color={statusColor[request.status]}>{t(`portal.profile.status.${request.status}`)}</StatusTag>
                <span>{t('portal.profile.requestSent', { date: formatDate(request.createdAt, language) })}</span>
              </div>
              {request.add.length > 0 && <p className="ds-paragraph">{t('portal.profile.requestAdd', { names: request.add.map(nameOf).join(', ') })}</p>}
              {request.remove.length > 0 && <p className="ds-paragraph">{t('portal.profile.requestRemove', { names: request.remove.map(nameOf).join(', ') })}</p>}
              <p className="ds-paragraph kb-portal-muted">{request.reason}</p>
              {request.decisionNote && <p className="ds-paragraph">{t('portal.profile.decisionNote', { note: request.decisionNote })}</p>}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

type FormError = { field: 'add' | 'reason'; message: string };

function RequestForm({ centreId, area, municipalities }: { centreId: string; area: string[]; municipalities: Array<{ number: string; name: string }> }) {
  const { t } = useTranslation();
  const create = useCreateCatchmentRequest(centreId);
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const sorted = [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'nb'));
  const outside = sorted.filter((m) => !area.includes(m.number));
  const inside = sorted.filter((m) => area.includes(m.number));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    setFailure(null);
    const found: FormError[] = [];
    if (add.length === 0 && remove.length === 0) found.push({ field: 'add', message: t('portal.profile.nothingChosen') });
    if (reason.trim() === '') found.push({ field: 'reason', message: t('portal.profile.reasonRequired') });
    setErrors(found);
    setAttempt((n) => n + 1);
    if (found.length > 0) return;
    try {
      await create.mutateAsync({ add, remove, reason: reason.trim() });
      setAdd([]);
      setRemove([]);
      setReason('');
      setSent(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.problem.errors?.length) {
        const fromServer = error.problem.errors.map((e): FormError => (e.path.startsWith('reason') ? { field: 'reason', message: t('portal.profile.reasonRequired') } : { field: 'add', message: t('portal.profile.invalidMunicipality') }));
        setErrors(fromServer);
        setAttempt((n) => n + 1);
        return;
      }
      setFailure(error instanceof ApiError ? httpErrorText(t, error.status) : t('states.errorBody'));
    }
  };

  const errorOf = (field: FormError['field']) => errors.find((e) => e.field === field)?.message;

  return (
    <form className="kb-stack" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="portal-request-title">
      <h3 className="ds-heading" data-size="xs" id="portal-request-title">
        {t('portal.profile.requestTitle')}
      </h3>
      <ErrorSummary errors={errors.map((e) => ({ fieldId: e.field === 'add' ? 'portal-area-add' : 'portal-area-reason', message: e.message }))} focusKey={attempt} />
      <SearchablePicker
        multiple
        id="portal-area-add"
        label={t('portal.profile.addLegend')}
        error={errorOf('add')}
        options={outside.map((m) => ({ value: m.number, label: m.name }))}
        value={add}
        onChange={setAdd}
      />
      <SearchablePicker
        multiple
        id="portal-area-remove"
        label={t('portal.profile.removeLegend')}
        options={inside.map((m) => ({ value: m.number, label: m.name }))}
        value={remove}
        onChange={setRemove}
      />
      <TextArea
        id="portal-area-reason"
        label={t('portal.profile.reason')}
        description={t('portal.profile.reasonHelp')}
        value={reason}
        error={errorOf('reason')}
        onChange={(event) => setReason(event.target.value)}
      />
      <div className="kb-cluster">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t('portal.profile.sending') : t('portal.profile.send')}
        </Button>
      </div>
      <div role="status">{sent && <Alert color="success">{t('portal.profile.sent')}</Alert>}</div>
      {failure && (
        <Alert color="danger" role="alert">
          {failure}
        </Alert>
      )}
    </form>
  );
}
