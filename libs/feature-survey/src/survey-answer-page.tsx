import { ApiError, useAnswerSurvey, useSurveyForm } from '@kompetansebro/api-client';
import { fieldErrorsFromIssues, parseNumberText, serviceHoursSchema, weeklyHoursValueSchema, serviceTypes, serviceWeeklyHours, weeklyHoursFollowOpeningHours, surveyTokenQuerySchema, todayInNorway, type FieldError, type ServiceHours, type ServiceType, type SurveyForm } from '@kompetansebro/domain';
import { formatDate, formatDateLong, formatNumber, useLanguage } from '@kompetansebro/i18n';
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  fieldErrorText,
  fieldIdOfError,
  httpErrorText,
  inputOf,
  LoadingState,
  openingHoursErrors,
  openingHoursErrorText,
  Page,
  searchView,
  Select,
  TextArea,
  TextField,
  useShellIdentity,
  valuesOf as hoursValuesOf,
  WeekGridTable,
  type ErrorSummaryItem,
  type WeekGrid,
} from '@kompetansebro/ui';
import { useSearch } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface ServiceValues {
  id: string;
  version: number;
  type: ServiceType;
  offered: boolean;
  hours: string;
  weeklyHours: string;
  contractRequired: boolean;
  note: string;
  confirmedAt: string | null;
}

const valuesOf = (form: SurveyForm): ServiceValues[] =>
  form.services.map((s) => ({
    id: s.id,
    version: s.version,
    type: s.type,
    offered: true,
    hours: s.hours ?? '',
    weeklyHours: s.weeklyHours === null ? '' : String(s.weeklyHours).replace('.', ','),
    contractRequired: s.contractRequired,
    note: s.note ?? '',
    confirmedAt: s.confirmedAt,
  }));

const fieldId = (path: string) => `survey-answer-${path.replace(/\./g, '-')}`;

/** The form's weekly grid of the library's stored timetable (the opening-hours editor's own grid). */
const gridOf = (form: SurveyForm): WeekGrid => hoursValuesOf({ weekly: form.openingHours.weekly, seasons: [], exceptions: [], openOnPublicHolidays: false }).weekly;
/** The grid as the API's weekly periods, and the input each period's field came from. */
const weeklyOf = (grid: WeekGrid) => inputOf({ weekly: grid, seasons: [], exceptions: [], openOnPublicHolidays: false });
const OPENING_HOURS = 'openingHours.';
const OPENING_HOURS_ID = 'survey-answer-openingHours';

/** "12,5" or "12.5" → 12.5; "" → null; anything else → undefined (not a number a week can have). */
function parseHours(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  return hoursErrors('', text).length === 0 ? (parseNumberText(text, { decimals: 1 }) ?? undefined) : undefined;
}

/** What is wrong with typed weekly hours, by the domain's own rule (0–168, one decimal); none when empty or right. */
function hoursErrors(path: string, text: string): FieldError[] {
  if (text.trim() === '') return [];
  const value = parseNumberText(text, { decimals: 1, negative: true });
  if (value === null) return [{ path, code: WEEKLY_HOURS_FORMAT, message: '' }];
  const checked = weeklyHoursValueSchema.safeParse(value);
  return checked.success ? [] : fieldErrorsFromIssues(checked.error.issues, path);
}

/** A typed text that is no number of hours (the form's own code). */
const WEEKLY_HOURS_FORMAT = 'weekly_hours_format';

/**
 * The public answer form (no login): the link's token names one library; the form shows its
 * current services to correct and confirm, and ends with a thank-you page.
 */
export function SurveyAnswerPage() {
  const { t } = useTranslation();
  // The link's `?token=…`; one that is not a token counts as none.
  const search: Record<string, unknown> = useSearch({ strict: false });
  const { token } = searchView(surveyTokenQuerySchema.partial(), search);
  if (!token) {
    // A link cut short (a line break in the e-mail) or mistyped, or this page opened without one.
    const broken = search['token'] !== undefined && search['token'] !== '';
    return (
      <Page title={t('survey.answer.invalidLink')}>
        <Alert color="warning">{t(broken ? 'survey.answer.brokenToken' : 'survey.answer.missingToken')}</Alert>
      </Page>
    );
  }
  return <AnswerForm token={token} />;
}

function AnswerForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const form = useSurveyForm(token);
  const answer = useAnswerSurvey(token);
  const [services, setServices] = useState<ServiceValues[] | null>(null);
  const [hours, setHours] = useState<WeekGrid | null>(null);
  // The page speaks in the library's name: it is the library that answers the county.
  useShellIdentity(form.data ? { name: form.data.actorName } : null);
  const [added, setAdded] = useState<ServiceType[]>([]);
  const [answeredBy, setAnsweredBy] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  // The first load fills the form; later loads (after saving) do not overwrite what is typed.
  useEffect(() => {
    if (form.data && services === null) {
      setServices(valuesOf(form.data));
      setHours(gridOf(form.data));
    }
  }, [form.data, services]);

  if (form.isPending || (form.data && (services === null || hours === null))) return <LoadingState />;
  if (form.isError) {
    const status = form.error instanceof ApiError ? form.error.status : 0;
    const gone = status === 410;
    const notFound = status === 404 || status === 400;
    return (
      <Page title={gone ? t('survey.answer.closedTitle') : notFound ? t('survey.answer.invalidLink') : t('states.errorTitle')}>
        <Alert color={gone || notFound ? 'warning' : 'danger'}>
          {gone ? t('survey.answer.closedBody') : notFound ? t('survey.answer.invalidLinkBody') : httpErrorText(t, status)}
        </Alert>
      </Page>
    );
  }
  const data = form.data;
  if (!data || !services || !hours) return <LoadingState />;
  const weekly = weeklyOf(hours);
  /** An error about the opening hours, with its path within the hours ("weekly.3.to"), as the opening-hours page has it. */
  const hoursErrorOf = (error: FieldError) => (error.path.startsWith(OPENING_HOURS) ? { ...error, path: error.path.slice(OPENING_HOURS.length) } : null);
  /** An error about the opening hours lands in the grid's input; others beside their field. */
  const idOfError = (error: FieldError) => {
    const hoursError = hoursErrorOf(error);
    return hoursError ? (fieldIdOfError(hoursError, weekly.fields) ?? OPENING_HOURS_ID) : fieldId(error.path);
  };
  /** An error's text by what its field holds now: only an empty field reads "fill in the field". */
  const messageOf = (error: FieldError) => {
    const hoursError = hoursErrorOf(error);
    if (hoursError) return openingHoursErrorText(t, hoursError);
    if (error.code === WEEKLY_HOURS_FORMAT) return t('survey.answer.weeklyHours.invalid');
    const match = /^services\.(\d+)\.(weeklyHours|note)$/.exec(error.path);
    const service = match ? services[Number(match[1])] : undefined;
    const value = error.path === 'answeredBy' ? answeredBy : service && match?.[2] === 'note' ? service.note : service?.weeklyHours;
    return fieldErrorText(t, error, value);
  };
  const hoursMessageAt = (id: string) => {
    const error = errors.find((e) => e.path.startsWith(OPENING_HOURS) && idOfError(e) === id);
    return error ? messageOf(error) : undefined;
  };

  if (done) {
    return (
      <Page title={t('survey.answer.thanksTitle')}>
        <Alert color="success">{t('survey.answer.thanksBody', { library: data.actorName, date: formatDateLong(todayInNorway(), language) })}</Alert>
        <div className="kb-cluster">
          <Button variant="secondary" onClick={() => { setServices(valuesOf(data)); setHours(gridOf(data)); setAdded([]); setDone(false); }}>
            {t('survey.answer.editAgain')}
          </Button>
        </div>
      </Page>
    );
  }

  const present = new Set(services.map((s) => s.type));
  const missingTypes = serviceTypes.filter((type) => !present.has(type));
  const hoursOptions = [
    { value: '', label: t('survey.answer.hoursUnknown') },
    ...serviceHoursSchema.options.map((value) => ({ value, label: t(`survey.hours.${value}`) })),
  ];
  const errorAt = (path: string) => {
    const error = errors.find((e) => e.path === path);
    return error ? messageOf(error) : undefined;
  };
  const labelOf = (error: FieldError) => {
    const path = error.path;
    if (path === 'answeredBy') return t('survey.answer.answeredBy.label');
    // A grid's input is named by its own label ("Mandag: Betjent til"); an error of no one input by the section.
    if (path.startsWith(OPENING_HOURS)) return idOfError(error) === OPENING_HOURS_ID ? t('survey.answer.openingHours.title') : undefined;
    const match = /^services\.(\d+)\.(\w+)$/.exec(path);
    const service = match ? services[Number(match[1])] : undefined;
    const field = match?.[2] === 'weeklyHours' ? t('survey.answer.weeklyHours.label') : match?.[2] === 'note' ? t('survey.answer.note.label') : '';
    return service ? `${t(`serviceType.${service.type}`)}, ${field}` : path;
  };
  const summary: ErrorSummaryItem[] = errors.map((e) => ({ fieldId: idOfError(e), label: labelOf(e), message: messageOf(e) }));
  const update = (index: number, changes: Partial<ServiceValues>) =>
    setServices((list) => (list ?? []).map((s, i) => (i === index ? { ...s, ...changes } : s)));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    const found: FieldError[] = [];
    if (answeredBy.trim() === '') found.push({ path: 'answeredBy', code: 'too_small', message: '' });
    const parsed = services.map((s, index) => {
      if (s.offered) found.push(...hoursErrors(`services.${index}.weeklyHours`, s.weeklyHours));
      return parseHours(s.weeklyHours) ?? null;
    });
    // The week's hours by the domain's opening-hours rules, as the API checks them: every error on the first submit.
    found.push(...openingHoursErrors({ weekly: weekly.input.weekly }, 'openingHours'));
    setErrors(found);
    if (found.length > 0) {
      setSubmitCount((c) => c + 1);
      return;
    }
    try {
      await answer.mutateAsync({
        answeredBy: answeredBy.trim(),
        services: services.map((s, index) => ({
          id: s.id,
          version: s.version,
          offered: s.offered,
          hours: s.hours === '' ? null : (s.hours as ServiceHours),
          weeklyHours: parsed[index] ?? null,
          contractRequired: s.contractRequired,
          note: s.note.trim() === '' ? null : s.note.trim(),
        })),
        newServices: added.map((type) => ({ type, hours: null, weeklyHours: null })),
        // Confirmed or corrected: sent when the library has hours stored or fills some in.
        ...(data.openingHours.version > 0 || weekly.input.weekly.length > 0 ? { openingHours: { weekly: weekly.input.weekly, version: data.openingHours.version } } : {}),
      });
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && (error.problem.errors ?? []).length > 0) {
        setErrors(error.problem.errors ?? []);
        setSubmitCount((c) => c + 1);
      } else if (error instanceof ApiError && error.status === 412) setFailure(t('survey.answer.stale'));
      else if (error instanceof ApiError && error.status === 410) setFailure(t('survey.answer.closedBody'));
      else setFailure(error instanceof ApiError ? httpErrorText(t, error.status) : t('errors.unknown'));
    }
  };

  return (
    <Page title={t('survey.answer.title')}>
      <p className="ds-paragraph" data-size="lg">
        {t('survey.answer.lead', { survey: data.surveyName, library: data.actorName })}
      </p>
      <p className="ds-paragraph">{t('survey.answer.intro', { date: formatDateLong(data.deadline, language) })}</p>
      {data.answeredAt && <Alert color="info">{t('survey.answer.answeredBefore', { date: formatDate(data.answeredAt, language) })}</Alert>}
      <form className="kb-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={answer.isPending || undefined}>
        <ErrorSummary errors={summary} focusKey={submitCount} />
        {failure && (
          <Alert color="danger" role="alert" heading={t('survey.answer.failed')}>
            {failure}
          </Alert>
        )}
        <h2 className="ds-heading" data-size="sm">
          {t('survey.answer.servicesTitle')}
        </h2>
        {services.length === 0 && <p className="ds-paragraph">{t('survey.answer.noServices')}</p>}
        {services.map((service, index) => (
          <fieldset className="ds-fieldset" key={service.id}>
            <legend>{t(`serviceType.${service.type}`)}</legend>
            <p className="ds-paragraph" data-size="sm">
              {service.confirmedAt ? t('survey.answer.lastConfirmed', { date: formatDate(service.confirmedAt, language) }) : t('survey.answer.neverConfirmed')}
            </p>
            <Checkbox
              id={fieldId(`services.${index}.offered`)}
              label={t('survey.answer.offered')}
              checked={service.offered}
              onChange={(event) => update(index, { offered: event.target.checked })}
            />
            {service.offered && (
              <>
                <Select
                  id={fieldId(`services.${index}.hours`)}
                  label={t('survey.answer.hours')}
                  options={hoursOptions}
                  value={service.hours}
                  onChange={(event) => update(index, { hours: event.target.value })}
                />
                {weeklyHoursFollowOpeningHours(service.type, weekly.input) ? (
                  // Follows the weekly timetable below (the server stores its figure): shown, not entered.
                  <TextField
                    id={fieldId(`services.${index}.weeklyHours`)}
                    inputMode="decimal"
                    label={t('survey.answer.weeklyHours.label')}
                    description={
                      <>
                        {t('survey.answer.weeklyHours.followsOpeningHours')}{' '}
                        <a className="ds-link" href={`#${OPENING_HOURS_ID}`}>
                          {t('survey.answer.weeklyHours.changeOpeningHours')}
                        </a>
                      </>
                    }
                    readOnly
                    value={formatNumber(serviceWeeklyHours(service.type, null, weekly.input) ?? 0, language)}
                  />
                ) : (
                  <TextField
                    id={fieldId(`services.${index}.weeklyHours`)}
                    inputMode="decimal"
                    label={t('survey.answer.weeklyHours.label')}
                    description={t('survey.answer.weeklyHours.help')}
                    error={errorAt(`services.${index}.weeklyHours`)}
                    value={service.weeklyHours}
                    onChange={(event) => update(index, { weeklyHours: event.target.value })}
                  />
                )}
                <Checkbox
                  id={fieldId(`services.${index}.contractRequired`)}
                  label={t('survey.answer.contractRequired')}
                  checked={service.contractRequired}
                  onChange={(event) => update(index, { contractRequired: event.target.checked })}
                />
                <TextArea
                  id={fieldId(`services.${index}.note`)}
                  label={t('survey.answer.note.label')}
                  description={t('survey.answer.note.help')}
                  error={errorAt(`services.${index}.note`)}
                  rows={2}
                  value={service.note}
                  onChange={(event) => update(index, { note: event.target.value })}
                />
              </>
            )}
          </fieldset>
        ))}
        {missingTypes.length > 0 && (
          <fieldset className="ds-fieldset">
            <legend>{t('survey.answer.addTitle')}</legend>
            <p className="ds-paragraph" data-size="sm">
              {t('survey.answer.addHelp')}
            </p>
            {missingTypes.map((type) => (
              <Checkbox
                key={type}
                id={fieldId(`new.${type}`)}
                label={t(`serviceType.${type}`)}
                checked={added.includes(type)}
                onChange={(event) => setAdded((list) => (event.target.checked ? [...list, type] : list.filter((x) => x !== type)))}
              />
            ))}
          </fieldset>
        )}
        <fieldset className="ds-fieldset" id={OPENING_HOURS_ID} tabIndex={-1}>
          <legend>{t('survey.answer.openingHours.title')}</legend>
          <p className="ds-paragraph" data-size="sm">
            {t('survey.answer.openingHours.help')}
          </p>
          <WeekGridTable prefix="weekly" grid={hours} onChange={(change) => setHours((current) => (current ? change(current) : current))} messageAt={hoursMessageAt} caption={t('survey.answer.openingHours.caption')} />
        </fieldset>
        <TextField
          id={fieldId('answeredBy')}
          autoComplete="name"
          label={t('survey.answer.answeredBy.label')}
          description={t('survey.answer.answeredBy.help')}
          requiredLabel={t('common.required')}
          error={errorAt('answeredBy')}
          value={answeredBy}
          onChange={(event) => setAnsweredBy(event.target.value)}
        />
        <div className="kb-cluster">
          <Button type="submit" loading={answer.isPending}>
            {t('survey.answer.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
