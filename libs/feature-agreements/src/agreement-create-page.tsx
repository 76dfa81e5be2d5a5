import { actorQueries, agreementQueries, ApiError, meQueries, serviceQueries, useCan, useCreateAgreement, useUpdateAgreement } from '@kompetansebro/api-client';
import {
  agreementKinds,
  collaborationLevels,
  compareNorwegian,
  partyRoles,
  thematicAreas,
  type ActorKind,
  type AgreementDetail,
  type FieldError,
  type ServiceSummary,
} from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import {
  Alert,
  Button,
  CancelLink,
  DetailPage,
  ErrorSummary,
  actionErrorText,
  Page,
  mergeTheirVersion,
  Select,
  StaleSaveNotice,
  StatusTag,
  TextArea,
  TextField,
  useListSearch,
  useStaleSave,
  useUnsavedChangesGuard,
  type ErrorSummaryItem,
} from '@kompetansebro/ui';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agreementErrorText } from './agreement-error-text';
import { useAgreementFeature } from './agreement-feature-context';
import {
  agreementFieldId,
  agreementSteps,
  changedAgreementFields,
  defaultRoleOf,
  emptyAgreementFormValues,
  firstStepWithErrors,
  formValuesOfAgreement,
  stepOfPath,
  toAgreementCreate,
  validateAgreementForm,
  type AgreementFormParty,
  type AgreementFormValues,
  type AgreementStep,
} from './agreement-form-values';
import { useCanCreateAgreements } from './use-can-create-agreements';
import { CheckboxGroup, groupStyle, toggleStyle } from './checkbox-group';
import { z } from 'zod';
import './agreements.css';

/** What a field held, so an empty one reads "fill in the field". */
function valueAt(values: AgreementFormValues, path: string): string | undefined {
  const [head, index, leaf] = path.split('.');
  if (head === 'title' || head === 'kind' || head === 'description' || head === 'startDate' || head === 'endDate') return values[head];
  if (head === 'parties' && leaf === 'role') return values.parties[Number(index)]?.role;
  return undefined;
}


const SEARCH_PAGE_SIZE = 10;


/**
 * "Ny avtale", step by step: (1) title, kind, summary; (2) parties and roles; (3) the services
 * each party commits to; (4) period, levels, themes; (5) review and create a draft. Each step
 * checks its fields before moving on; the API's field errors land on the step and beside the
 * field that can fix them; leaving with unsaved input asks first.
 */
export function AgreementCreatePage() {
  const { t } = useTranslation();
  const canCreate = useCanCreateAgreements();
  const me = useQuery(meQueries.current());

  if (!canCreate) {
    return (
      <Page title={t('agreements.create.title')}>
        {me.isPending ? null : <Alert color="warning">{t('agreements.create.forbidden')}</Alert>}
      </Page>
    );
  }
  return <AgreementCreateForm />;
}

/** Which statuses an agreement is edited in as a whole; once signed, a change is an amendment. */
const EDITABLE: readonly AgreementDetail['status'][] = ['draft', 'negotiating'];

/**
 * "Rediger avtale": the same steps as "Ny avtale", over the agreement as it is (title, parties and
 * roles, committed services, dates, levels, themes), while it is a draft or being negotiated. A
 * change while negotiated asks the parties again (their acceptances are cleared by the API).
 */
export function AgreementEditPage() {
  const { t } = useTranslation();
  const { paths } = useAgreementFeature();
  const { id = '' } = useParams({ strict: false }) as { id?: string };
  const mayEdit = useCan('agreement', 'update');
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  const agreement = useQuery({ ...agreementQueries.detail(id), refetchOnWindowFocus: false });
  return (
    <DetailPage
      result={agreement}
      title={t('agreements.edit.title')}
      notFound={t('agreements.detail.notFound')}
      back={
        <Link className="ds-link" to={paths.list}>
          {t('agreements.detail.backToList')}
        </Link>
      }
    >
      {(data) =>
        mayEdit && EDITABLE.includes(data.status) ? (
          <AgreementCreateForm key={data.id} editing={data} />
        ) : (
          <Page title={t('agreements.edit.title')}>
            <Alert color="warning">{t('agreements.edit.notEditable')}</Alert>
          </Page>
        )
      }
    </DetailPage>
  );
}

/** The create form's state in the URL: a party to start with (`?part=<actorId>`, e.g. from an actor's page). */
const agreementCreateSearchSchema = z.object({ part: z.uuid().optional() });

function AgreementCreateForm({ editing }: { editing?: AgreementDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, creation } = useAgreementFeature();
  const navigate = useNavigate();
  const search = useListSearch(agreementCreateSearchSchema, editing ? paths.edit : paths.create).view;
  const me = useQuery(meQueries.current());
  const create = useCreateAgreement();
  const save = useUpdateAgreement(editing?.id ?? '');
  const saving = editing ? save : create;

  const [values, setValues] = useState<AgreementFormValues>(() =>
    editing ? formValuesOfAgreement(editing, creation?.fixedParty === 'activeOrganisation' ? (me.data?.activeOrganisationId ?? null) : null) : emptyAgreementFormValues,
  );
  const [dirty, setDirty] = useState(false);
  const [step, setStep] = useState<AgreementStep>('basics');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // The version the next save overwrites: the one opened, or after a stale save the latest one loaded.
  const [base, setBase] = useState(editing);
  const stale = useStaleSave<keyof AgreementFormValues>();
  const queryClient = useQueryClient();
  const guard = useUnsavedChangesGuard(dirty);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);

  // Parties the app or the link starts with: the user's own organisation (fixed), `?part=`.
  const fixedId = creation?.fixedParty === 'activeOrganisation' ? (me.data?.activeOrganisationId ?? null) : null;
  // Editing starts from the agreement's own parties.
  const prefillIds = editing ? [] : [...new Set([fixedId, search.part ?? null].filter((id): id is string => id !== null))];
  const prefills = useQueries({ queries: prefillIds.map((id) => actorQueries.detail(id)) });
  const prefilled = useRef(new Set<string>());
  useEffect(() => {
    const ready = prefills.flatMap((result) => (result.data ? [result.data] : [])).filter((actor) => !prefilled.current.has(actor.id));
    if (ready.length === 0) return;
    for (const actor of ready) prefilled.current.add(actor.id);
    setValues((current) => ({
      ...current,
      parties: [
        ...current.parties,
        ...ready
          .filter((actor) => !current.parties.some((party) => party.actorId === actor.id))
          .map((actor) => ({ actorId: actor.id, actorName: actor.name, actorKind: actor.kind, role: defaultRoleOf(actor.kind), serviceIds: [], fixed: actor.id === fixedId })),
      ].sort((a, b) => Number(b.fixed) - Number(a.fixed)),
    }));
  }, [prefills, fixedId]);

  // The new step's heading takes focus, so a screen reader says where the user is.
  useEffect(() => {
    if (moved.current) headingRef.current?.focus();
  }, [step]);

  const update = (change: (current: AgreementFormValues) => AgreementFormValues) => {
    setDirty(true);
    setValues(change);
  };
  const setField = <K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) => update((current) => ({ ...current, [field]: value }));

  const index = agreementSteps.indexOf(step);
  const goTo = (next: AgreementStep) => {
    moved.current = true;
    setFailure(null);
    setStep(next);
  };
  const showErrors = (found: FieldError[]) => {
    setErrors(found);
    setAttempt((count) => count + 1);
  };

  const next = () => {
    const found = validateAgreementForm(values, step);
    // Errors of later steps (from the API) stay until their step is shown.
    const later = errors.filter((error) => agreementSteps.indexOf(stepOfPath(error.path)) > index);
    if (found.length > 0) return showErrors([...found, ...later]);
    setErrors(later);
    const following = agreementSteps[index + 1];
    if (following) goTo(following);
  };

  const submit = async () => {
    const found = validateAgreementForm(values, 'all');
    const input = toAgreementCreate(values);
    if (found.length > 0 || !input) {
      const first = firstStepWithErrors(found) ?? 'basics';
      goTo(first);
      return showErrors(found);
    }
    setFailure(null);
    try {
      const agreement = base ? await save.mutateAsync({ changes: input, version: base.version }) : await create.mutateAsync(input);
      guard.allowNavigation();
      await navigate({ to: paths.detail, params: { id: agreement.id } });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) return stale.detected();
      if (error instanceof ApiError && error.status === 400 && error.problem.errors && error.problem.errors.length > 0) {
        const apiErrors = error.problem.errors;
        goTo(firstStepWithErrors(apiErrors) ?? 'review');
        showErrors(apiErrors);
      } else {
        setFailure(actionErrorText(t, error));
      }
    }
  };

  /** Someone saved first: their version becomes the base; every field the user changed keeps the user's value. */
  const loadLatest = (current: AgreementDetail) =>
    stale.loadLatest(async () => {
      const latest = await queryClient.fetchQuery({ ...agreementQueries.detail(current.id), staleTime: 0 });
      const theirs = formValuesOfAgreement(latest, fixedId);
      const { merged, changedByThem } = mergeTheirVersion({ yours: values, base: formValuesOfAgreement(current, fixedId), theirs, changedFields: changedAgreementFields });
      setValues(merged);
      setBase(latest);
      return changedByThem.map((field) => ({ field, theirs: describeField(field, theirs), yours: describeField(field, merged) }));
    });
  const notChosen = t('agreements.create.review.notChosen');
  const describeField = (field: keyof AgreementFormValues, version: AgreementFormValues): string => {
    const list = (items: readonly string[]) => items.join(', ') || notChosen;
    switch (field) {
      case 'kind':
        return version.kind ? t(`agreementKind.${version.kind}`) : notChosen;
      case 'parties':
        return list(version.parties.map((party) => `${party.actorName} — ${party.role ? t(`partyRole.${party.role}`) : notChosen}`));
      case 'startDate':
      case 'endDate':
        return version[field] ? formatDate(version[field], language) : notChosen;
      case 'levels':
        return list(version.levels.map((level) => t(`collaborationLevel.${level}`)));
      case 'themes':
        return list(version.themes.map((theme) => t(`thematicArea.${theme}`)));
      default:
        return version[field].trim() || notChosen;
    }
  };
  const fieldLabel = (field: keyof AgreementFormValues): string => {
    if (field === 'parties') return t('agreements.create.steps.parties');
    if (field === 'startDate' || field === 'endDate') return t(`agreements.fields.${field}`);
    if (field === 'levels' || field === 'themes') return t(`agreements.create.period.${field}`);
    return t(`agreements.create.fields.${field}`);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (step === 'review') void submit();
    else next();
  };

  const messageOf = (error: FieldError): string => agreementErrorText(t, error, valueAt(values, error.path));
  const shown = errors.filter((error) => step === 'review' || stepOfPath(error.path) === step);
  const errorAt = (path: string) => {
    const error = shown.find((candidate) => candidate.path === path);
    return error ? messageOf(error) : undefined;
  };
  /** Errors about a party's services, beside its group of boxes. */
  const errorsUnder = (prefix: string) =>
    shown.filter((error) => error.path === prefix || error.path.startsWith(`${prefix}.`)).map((error) => messageOf(error));
  const summary: ErrorSummaryItem[] = shown.map((error) => ({ fieldId: agreementFieldId(error.path), message: messageOf(error) }));

  const stepProps: StepProps = { values, update, setField, errorAt, errorsUnder, announce: setAnnouncement };
  // Editing ends by saving, not creating: the last step says so.
  const stepName = (item: AgreementStep) => (item === 'review' && editing ? t('agreements.edit.reviewStep') : t(`agreements.create.steps.${item}`));
  const stepTitle = stepName(step);

  return (
    <Page title={editing ? t('agreements.edit.title') : t('agreements.create.title')}>
      <p className="ds-paragraph">
        {editing ? t(editing.status === 'negotiating' ? 'agreements.edit.introNegotiating' : 'agreements.edit.intro') : t('agreements.create.intro')}
      </p>
      <ol className="kb-agreement-steps" aria-label={t('agreements.create.stepsLabel')}>
        {agreementSteps.map((item, i) => (
          <li key={item} aria-current={item === step ? 'step' : undefined}>
            {item === step ? (
              <strong>
                {i + 1}. {stepName(item)} ({t('agreements.create.stepCurrent')})
              </strong>
            ) : (
              <>
                {i + 1}. {stepName(item)}
                {i < index && <> ({t('agreements.create.stepDone')})</>}
              </>
            )}
          </li>
        ))}
      </ol>

      <form className="kb-form" noValidate onSubmit={onSubmit} aria-busy={saving.isPending || undefined}>
        <h2 className="ds-heading" data-size="sm" ref={headingRef} tabIndex={-1}>
          {t('agreements.create.stepOf', { current: index + 1, total: agreementSteps.length })}: {stepTitle}
        </h2>
        <ErrorSummary errors={summary} focusKey={attempt} />
        {base && <StaleSaveNotice conflict={stale.conflict} fieldLabel={fieldLabel} onLoadLatest={() => void loadLatest(base)} />}
        {failure && (
          <Alert color="danger" role="alert" heading={editing ? t('agreements.edit.failed') : t('agreements.create.failed')} focusKey={failure}>
            {failure}
          </Alert>
        )}

        {step === 'basics' && <BasicsStep {...stepProps} />}
        {step === 'parties' && <PartiesStep {...stepProps} />}
        {step === 'services' && <ServicesStep {...stepProps} />}
        {step === 'period' && <PeriodStep {...stepProps} />}
        {step === 'review' && <ReviewStep values={values} onEdit={goTo} />}

        <p className="ds-sr-only" role="status">
          {announcement}
        </p>

        <div className="kb-cluster">
          {index > 0 && (
            <Button type="button" variant="secondary" onClick={() => goTo(agreementSteps[index - 1] ?? 'basics')}>
              {t('agreements.create.back')}
            </Button>
          )}
          <Button type="submit" loading={saving.isPending} disabled={saving.isPending}>
            {step !== 'review'
              ? t('agreements.create.next')
              : editing
                ? saving.isPending
                  ? t('agreements.edit.saving')
                  : t('agreements.edit.submit')
                : saving.isPending
                  ? t('agreements.create.creating')
                  : t('agreements.create.submit')}
          </Button>
          {editing ? (
            <Link className="ds-link" to={paths.detail} params={{ id: editing.id }}>
              {t('common.cancel')}
            </Link>
          ) : (
            <CancelLink to={paths.list} />
          )}
        </div>
      </form>
      {guard.dialog}
    </Page>
  );
}

interface StepProps {
  values: AgreementFormValues;
  update: (change: (current: AgreementFormValues) => AgreementFormValues) => void;
  setField: <K extends keyof AgreementFormValues>(field: K, value: AgreementFormValues[K]) => void;
  errorAt: (path: string) => string | undefined;
  errorsUnder: (prefix: string) => string[];
  announce: (text: string) => void;
}

function BasicsStep({ values, setField, errorAt }: StepProps) {
  const { t } = useTranslation();
  const required = t('common.required');
  return (
    <>
      <TextField
        id={agreementFieldId('title')}
        label={t('agreements.create.fields.title')}
        description={t('agreements.create.fields.titleHelp')}
        requiredLabel={required}
        aria-required
        value={values.title}
        error={errorAt('title')}
        onChange={(event) => setField('title', event.target.value)}
      />
      <Select
        id={agreementFieldId('kind')}
        label={t('agreements.create.fields.kind')}
        requiredLabel={required}
        aria-required
        emptyOption={t('common.chooseOne')}
        options={agreementKinds.map((kind) => ({ value: kind, label: t(`agreementKind.${kind}`) })).sort((a, b) => compareNorwegian(a.label, b.label))}
        value={values.kind}
        error={errorAt('kind')}
        onChange={(event) => setField('kind', event.target.value as AgreementFormValues['kind'])}
      />
      <TextArea
        id={agreementFieldId('description')}
        label={t('agreements.create.fields.description')}
        description={t('agreements.create.fields.descriptionHelp')}
        rows={4}
        value={values.description}
        error={errorAt('description')}
        onChange={(event) => setField('description', event.target.value)}
      />
    </>
  );
}

function PartiesStep({ values, update, errorAt, announce }: StepProps) {
  const { t } = useTranslation();
  const { creation } = useAgreementFeature();
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  // The search field takes focus after adding or removing, so the keyboard stays in place.
  const focusSearch = () => document.getElementById(agreementFieldId('parties'))?.focus();
  useEffect(() => {
    const timer = setTimeout(() => setQuery(searchText.trim()), 250);
    return () => clearTimeout(timer);
  }, [searchText]);
  const results = useQuery({
    ...actorQueries.list({ ...creation?.partyFilter, q: query, pageSize: SEARCH_PAGE_SIZE, sort: 'name' }),
    enabled: query.length >= 2,
  });

  const add = (actor: { id: string; name: string; kind: ActorKind }) => {
    update((current) =>
      current.parties.some((party) => party.actorId === actor.id)
        ? current
        : { ...current, parties: [...current.parties, { actorId: actor.id, actorName: actor.name, actorKind: actor.kind, role: defaultRoleOf(actor.kind), serviceIds: [], fixed: false }] },
    );
    announce(t('agreements.create.parties.added', { name: actor.name }));
    focusSearch();
  };
  const remove = (party: AgreementFormParty) => {
    update((current) => ({ ...current, parties: current.parties.filter((p) => p.actorId !== party.actorId) }));
    announce(t('agreements.create.parties.removed', { name: party.actorName }));
    focusSearch();
  };
  const setRole = (actorId: string, role: string) =>
    update((current) => ({
      ...current,
      parties: current.parties.map((party) => (party.actorId === actorId ? { ...party, role: role as AgreementFormParty['role'] } : party)),
    }));

  const page = results.data;
  return (
    <>
      <p className="ds-paragraph">{t('agreements.create.parties.intro')}</p>
      <section aria-labelledby="agreement-chosen-parties" className="kb-stack">
        <h3 className="ds-heading" data-size="xs" id="agreement-chosen-parties">
          {t('agreements.create.parties.chosen')}
        </h3>
        {values.parties.length === 0 ? (
          <p className="ds-paragraph">{t('agreements.create.parties.none')}</p>
        ) : (
          <ul className="kb-stack" style={{ listStyle: 'none', paddingInlineStart: 0 }}>
            {values.parties.map((party, i) => (
              <li key={party.actorId} className="kb-cluster" style={{ alignItems: 'flex-end' }}>
                <Select
                  id={agreementFieldId(`parties.${i}.role`)}
                  label={t('agreements.create.parties.role', { name: party.actorName })}
                  description={t(`actorKind.${party.actorKind}`)}
                  emptyOption={t('common.chooseOne')}
                  options={partyRoles.map((role) => ({ value: role, label: t(`partyRole.${role}`) }))}
                  value={party.role}
                  error={errorAt(`parties.${i}.role`) ?? errorAt(`parties.${i}.actorId`)}
                  onChange={(event) => setRole(party.actorId, event.target.value)}
                />
                {party.fixed ? (
                  <StatusTag color="info">{t('agreements.create.parties.fixed')}</StatusTag>
                ) : (
                  <Button type="button" variant="tertiary" color="danger" onClick={() => remove(party)}>
                    {t('agreements.create.parties.remove', { name: party.actorName })}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <TextField
        id={agreementFieldId('parties')}
        type="search"
        autoComplete="off"
        label={t('agreements.create.parties.searchLabel')}
        description={t('agreements.create.parties.searchHelp')}
        value={searchText}
        error={errorAt('parties')}
        onChange={(event) => setSearchText(event.target.value)}
        onKeyDown={(event) => {
          // Enter searches at once instead of moving to the next step.
          if (event.key === 'Enter') {
            event.preventDefault();
            setQuery(searchText.trim());
          }
        }}
      />
      {query.length >= 2 && (
        <section aria-labelledby="agreement-party-results" className="kb-stack">
          <h3 className="ds-heading" data-size="xs" id="agreement-party-results">
            {t('agreements.create.parties.results')}
          </h3>
          {results.isError ? (
            <Alert color="danger">{actionErrorText(t, results.error)}</Alert>
          ) : !page ? (
            <p className="ds-paragraph">{t('states.loading')}</p>
          ) : page.items.length === 0 ? (
            <p className="ds-paragraph">{t('agreements.create.parties.noResults')}</p>
          ) : (
            <>
              <ul className="kb-stack" style={{ listStyle: 'none', paddingInlineStart: 0 }}>
                {page.items.map((actor) => {
                  const chosen = values.parties.some((party) => party.actorId === actor.id);
                  return (
                    <li key={actor.id} className="kb-cluster" style={{ alignItems: 'center' }}>
                      {chosen ? (
                        <span>
                          {actor.name} ({t(`actorKind.${actor.kind}`)}) – {t('agreements.create.parties.alreadyAdded')}
                        </span>
                      ) : (
                        <>
                          <Button type="button" variant="secondary" onClick={() => add(actor)}>
                            {t('agreements.create.parties.add', { name: actor.name })}
                          </Button>
                          <span>
                            {t(`actorKind.${actor.kind}`)}
                            {actor.municipalityName ? `, ${actor.municipalityName}` : ''}
                          </span>
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
              {page.total > page.items.length && (
                <p className="ds-paragraph">{t('agreements.create.parties.moreResults', { shown: page.items.length, total: page.total })}</p>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}

function ServicesStep({ values, update, errorsUnder }: StepProps) {
  const { t } = useTranslation();
  const services = useQueries({
    queries: values.parties.map((party) => serviceQueries.list({ actor: party.actorId, pageSize: 100 })),
  });

  if (values.parties.length === 0) return <p className="ds-paragraph">{t('agreements.create.services.noParties')}</p>;

  const toggle = (actorId: string, serviceId: string, on: boolean) =>
    update((current) => ({
      ...current,
      parties: current.parties.map((party) =>
        party.actorId !== actorId
          ? party
          : { ...party, serviceIds: on ? [...new Set([...party.serviceIds, serviceId])] : party.serviceIds.filter((id) => id !== serviceId) },
      ),
    }));

  return (
    <>
      <p className="ds-paragraph">{t('agreements.create.services.intro')}</p>
      {values.parties.map((party, i) => {
        const result = services[i];
        const items: ServiceSummary[] = [...(result?.data?.items ?? [])].sort((a, b) =>
          compareNorwegian(t(`serviceType.${a.type}`), t(`serviceType.${b.type}`)),
        );
        const messages = errorsUnder(`parties.${i}.serviceIds`);
        const groupId = agreementFieldId(`parties.${i}.serviceIds`);
        const errorId = `${groupId}-error`;
        return (
          <fieldset key={party.actorId} className="ds-fieldset" style={groupStyle} id={groupId} tabIndex={-1} aria-describedby={messages.length > 0 ? errorId : undefined}>
            <legend>{t('agreements.create.services.legend', { name: party.actorName })}</legend>
            {result?.isPending ? (
              <p className="ds-paragraph">{t('agreements.create.services.loading', { name: party.actorName })}</p>
            ) : result?.isError ? (
              <Alert color="danger">{t('agreements.create.services.failed', { name: party.actorName })}</Alert>
            ) : items.length === 0 ? (
              <p className="ds-paragraph">{t('agreements.create.services.none', { name: party.actorName })}</p>
            ) : (
              items.map((service) => {
                const id = `${groupId}-${service.id}`;
                return (
                  <div className="ds-field" key={service.id}>
                    <input
                      className="ds-input"
                      type="checkbox"
                      style={toggleStyle}
                      id={id}
                      aria-describedby={service.description ? `${id}-description` : undefined}
                      checked={party.serviceIds.includes(service.id)}
                      onChange={(event) => toggle(party.actorId, service.id, event.target.checked)}
                    />
                    <label className="ds-label" data-weight="regular" htmlFor={id}>
                      {t(`serviceType.${service.type}`)}
                    </label>
                    {service.description && (
                      <div data-field="description" id={`${id}-description`}>
                        {service.description}
                      </div>
                    )}
                  </div>
                );
              })
            )}
            {messages.length > 0 && (
              <p className="ds-validation-message" data-field="validation" id={errorId}>
                {messages.join(' ')}
              </p>
            )}
          </fieldset>
        );
      })}
    </>
  );
}

function PeriodStep({ values, setField, errorAt }: StepProps) {
  const { t } = useTranslation();
  return (
    <>
      <p className="ds-paragraph">{t('agreements.create.period.intro')}</p>
      <div className="kb-cluster">
        <TextField
          id={agreementFieldId('startDate')}
          type="date"
          label={t('agreements.fields.startDate')}
          value={values.startDate}
          error={errorAt('startDate')}
          onChange={(event) => setField('startDate', event.target.value)}
        />
        <TextField
          id={agreementFieldId('endDate')}
          type="date"
          label={t('agreements.fields.endDate')}
          description={t('agreements.create.period.datesHelp')}
          value={values.endDate}
          error={errorAt('endDate')}
          onChange={(event) => setField('endDate', event.target.value)}
        />
      </div>
      <CheckboxGroup
        id={agreementFieldId('levels')}
        legend={t('agreements.create.period.levels')}
        options={collaborationLevels}
        chosen={values.levels}
        label={(level) => t(`collaborationLevel.${level}`)}
        onChange={(next) => setField('levels', next)}
        error={errorAt('levels')}
      />
      <CheckboxGroup
        id={agreementFieldId('themes')}
        legend={t('agreements.create.period.themes')}
        options={thematicAreas}
        chosen={values.themes}
        label={(theme) => t(`thematicArea.${theme}`)}
        onChange={(next) => setField('themes', next)}
        error={errorAt('themes')}
      />
    </>
  );
}

function ReviewStep({ values, onEdit }: { values: AgreementFormValues; onEdit: (step: AgreementStep) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const partyIds = values.parties.map((party) => party.actorId);
  const services = useQueries({ queries: partyIds.map((actorId) => serviceQueries.list({ actor: actorId, pageSize: 100 })) });
  const notChosen = t('agreements.create.review.notChosen');
  const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : notChosen);

  const group = (step: AgreementStep, children: ReactNode) => (
    <section aria-labelledby={`agreement-review-${step}`} className="kb-stack">
      <h3 className="ds-heading" data-size="xs" id={`agreement-review-${step}`}>
        {t(`agreements.create.steps.${step}`)}
      </h3>
      {children}
      <p>
        <Button type="button" variant="tertiary" onClick={() => onEdit(step)}>
          {t('agreements.create.review.edit', { step: t(`agreements.create.steps.${step}`) })}
        </Button>
      </p>
    </section>
  );

  return (
    <>
      <p className="ds-paragraph">{t('agreements.create.review.intro')}</p>
      {group(
        'basics',
        <dl className="kb-facts">
          <dt>{t('agreements.create.fields.title')}</dt>
          <dd>{values.title.trim() || notChosen}</dd>
          <dt>{t('agreements.create.fields.kind')}</dt>
          <dd>{values.kind ? t(`agreementKind.${values.kind}`) : notChosen}</dd>
          <dt>{t('agreements.create.fields.description')}</dt>
          <dd>{values.description.trim() || notChosen}</dd>
        </dl>,
      )}
      {group(
        'parties',
        values.parties.length === 0 ? (
          <p className="ds-paragraph">{t('agreements.create.parties.none')}</p>
        ) : (
          <ul>
            {values.parties.map((party) => (
              <li key={party.actorId}>
                {party.actorName} — {party.role ? t(`partyRole.${party.role}`) : notChosen}
              </li>
            ))}
          </ul>
        ),
      )}
      {group(
        'services',
        <ul>
          {values.parties.map((party, i) => {
            const types = (services[i]?.data?.items ?? []).filter((service) => party.serviceIds.includes(service.id)).map((service) => t(`serviceType.${service.type}`));
            return (
              <li key={party.actorId}>
                {party.actorName}: {party.serviceIds.length === 0 ? notChosen : types.length > 0 ? types.join(', ') : '…'}
              </li>
            );
          })}
        </ul>,
      )}
      {group(
        'period',
        <dl className="kb-facts">
          <dt>{t('agreements.fields.startDate')}</dt>
          <dd>{values.startDate ? formatDate(values.startDate, language) : notChosen}</dd>
          <dt>{t('agreements.fields.endDate')}</dt>
          <dd>{values.endDate ? formatDate(values.endDate, language) : notChosen}</dd>
          <dt>{t('agreements.create.period.levels')}</dt>
          <dd>{list(values.levels.map((level) => t(`collaborationLevel.${level}`)))}</dd>
          <dt>{t('agreements.create.period.themes')}</dt>
          <dd>{list(values.themes.map((theme) => t(`thematicArea.${theme}`)))}</dd>
        </dl>,
      )}
    </>
  );
}
