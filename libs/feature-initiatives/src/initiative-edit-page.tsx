import { initiativeQueries, useUpdateInitiative } from '@kompetansebro/api-client';
import {
  collaborationLevels,
  extensionStatuses,
  thematicAreas,
  type CollaborationLevel,
  type ThematicArea,
  initiativeKinds,
  maturityLevels,
  type ExtensionInput,
  type FieldError,
  type InitiativeDetail,
  type InitiativeKind,
  type InitiativeUpdate,
  type MaturityLevel,
  parseNumberText,
} from '@kompetansebro/domain';
import { formatAmount, formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, Checkbox, DetailPendingPage, ErrorSummary, type ErrorSummaryItem, fieldErrorText, ForbiddenPage, httpErrorText, optionsByLabel, Page, Select, TextArea, TextField } from '@kompetansebro/ui';
import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitiativeFeature } from './initiative-feature-context';
import { useCanEditInitiatives } from './use-can-edit-initiatives';
import './initiatives.css';

interface ExtensionRow {
  id?: string;
  askedOn: string;
  requestedEnd: string;
  status: (typeof extensionStatuses)[number];
  decidedOn: string;
  note: string;
}

interface Values {
  kind: InitiativeKind;
  title: string;
  description: string;
  startDate: string;
  plannedEndDate: string;
  granted: string;
  spent: string;
  maturityLevel: string;
  societalEffect: string;
  themes: ThematicArea[];
  levels: CollaborationLevel[];
  goals: Array<{ id?: string; text: string }>;
  extensions: ExtensionRow[];
}

/** "1 500 000,5" as the field shows an amount (grouped, decimal comma; parseAmount reads it back). */
const amountText = (value: number | undefined) =>
  value === undefined ? '' : new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2, useGrouping: true }).format(value).replace(/[\u00a0\u202f]/g, ' ');

function valuesOf(initiative: InitiativeDetail): Values {
  return {
    kind: initiative.kind,
    title: initiative.title,
    description: initiative.description ?? '',
    startDate: initiative.startDate ?? '',
    plannedEndDate: initiative.plannedEndDate ?? '',
    granted: amountText(initiative.budget?.granted),
    spent: amountText(initiative.budget?.spent),
    maturityLevel: initiative.maturityLevel ?? '',
    societalEffect: initiative.societalEffect == null ? '' : String(initiative.societalEffect),
    themes: [...initiative.themes],
    levels: [...initiative.levels],
    goals: initiative.goals.map((goal) => ({ id: goal.id, text: goal.text })),
    extensions: initiative.extensions.map((e) => ({ id: e.id, askedOn: e.askedOn, requestedEnd: e.requestedEnd, status: e.status, decidedOn: e.decidedOn ?? '', note: e.note ?? '' })),
  };
}

/** "1 250 000,50" (spaces, no-break spaces, comma or point) → 1250000.5; null when it is not an amount. */
export function parseAmount(text: string): number | null {
  return parseNumberText(text, { decimals: 2, units: ['kr'] });
}

/** The form's own checks (the API checks again): a title, amounts as amounts, both or neither of granted and spent. */
function formErrors(values: Values): FieldError[] {
  const errors: FieldError[] = [];
  if (values.title.trim().length < 3) errors.push({ path: 'title', code: values.title.trim() ? 'too_small' : 'invalid_type', message: '', params: { origin: 'string', minimum: 3 } });
  for (const field of ['granted', 'spent'] as const) {
    const text = values[field].trim();
    const other = values[field === 'granted' ? 'spent' : 'granted'].trim();
    if (text === '' && other !== '') errors.push({ path: `budget.${field}`, code: 'invalid_type', message: '' });
    else if (text !== '' && parseAmount(text) === null) errors.push({ path: `budget.${field}`, code: 'amount', message: '' });
  }
  return errors;
}

function toUpdate(values: Values): InitiativeUpdate {
  const granted = parseAmount(values.granted);
  const spent = parseAmount(values.spent);
  const extensions: ExtensionInput[] = values.extensions.map((row) => ({
    ...(row.id ? { id: row.id } : {}),
    askedOn: row.askedOn,
    requestedEnd: row.requestedEnd,
    status: row.status,
    decidedOn: row.decidedOn || null,
    note: row.note.trim() || null,
  }));
  return {
    kind: values.kind,
    title: values.title.trim(),
    description: values.description.trim() || null,
    startDate: values.startDate || null,
    plannedEndDate: values.plannedEndDate || null,
    budget: granted !== null && spent !== null ? { granted, spent } : null,
    maturityLevel: (values.maturityLevel || null) as MaturityLevel | null,
    societalEffect: values.societalEffect ? Number(values.societalEffect) : null,
    themes: values.themes,
    levels: values.levels,
    // An emptied goal row is a goal removed.
    goals: values.goals.filter((goal) => goal.text.trim() !== '').map((goal) => ({ ...(goal.id ? { id: goal.id } : {}), text: goal.text.trim() })),
    extensions,
  };
}

const fieldId = (path: string) => `initiative-${path.replace(/\./g, '-')}`;

/** The record the form edits, from the route's params: its route loads it before the form shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  return queryOptions({ ...initiativeQueries.detail(id), refetchOnWindowFocus: false });
}

/** "Rediger tiltak": the initiative's own fields and its extensions, for roles the policy lets change initiatives. */
export function InitiativeEditPage() {
  const initiative = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  return <EditForm key={initiative.data.id} initiative={initiative.data} />;
}

function EditForm({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useInitiativeFeature();
  const access = useCanEditInitiatives();
  const navigate = useNavigate();
  const [values, setValues] = useState(() => valuesOf(initiative));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [baseVersion, setBaseVersion] = useState(initiative.version);
  const [theirs, setTheirs] = useState<InitiativeDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const update = useUpdateInitiative(initiative.id);
  const latest = useQuery({ ...initiativeQueries.detail(initiative.id), enabled: false });

  const set = <K extends keyof Values>(field: K, value: Values[K]) => setValues((current) => ({ ...current, [field]: value }));
  const setExtension = (index: number, change: Partial<ExtensionRow>) =>
    setValues((current) => ({ ...current, extensions: current.extensions.map((row, i) => (i === index ? { ...row, ...change } : row)) }));

  const valueAt = (path: string): string => {
    const [field, index, key] = path.split('.');
    if (field === 'budget') return values[(index ?? 'granted') as 'granted' | 'spent'];
    if (field === 'goals') return values.goals[Number(index)]?.text ?? '';
    if (field === 'extensions') return String((values.extensions[Number(index)] as unknown as Record<string, string> | undefined)?.[key ?? ''] ?? '');
    const value = values[field as keyof Values];
    return typeof value === 'string' ? value : '';
  };
  const messageFor = (error: FieldError) => {
    if (error.code === 'amount') return t('initiatives.edit.amountFormat');
    if (['end_before_start', 'decided_before_asked', 'decided_while_asked', 'extension_not_later'].includes(error.code)) {
      return t(`initiatives.edit.rules.${error.code as 'end_before_start'}`);
    }
    return fieldErrorText(t, error, valueAt(error.path));
  };
  const errorFor = (path: string) => {
    const error = errors.find((candidate) => candidate.path === path);
    return error ? messageFor(error) : undefined;
  };
  const labelFor = (path: string) => {
    const [field, index, key] = path.split('.');
    if (field === 'budget') return t(`initiatives.edit.fields.${index === 'spent' ? 'spent' : 'granted'}`);
    if (field === 'goals') return t('initiatives.edit.goal', { number: Number(index) + 1 });
    if (field === 'extensions') return `${t('initiatives.period.extension', { number: Number(index) + 1 })}: ${t(`initiatives.edit.extensionFields.${(key ?? 'requestedEnd') as 'requestedEnd'}`)}`;
    return t(`initiatives.edit.fields.${(field ?? 'title') as 'title'}`);
  };
  const summary: ErrorSummaryItem[] = errors.map((error) => ({ fieldId: fieldId(error.path), message: `${labelFor(error.path)}: ${messageFor(error)}` }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(null);
    setSubmitCount((count) => count + 1);
    const found = formErrors(values);
    setErrors(found);
    if (found.length > 0) return;
    update.mutate(
      { changes: toUpdate(values), version: baseVersion },
      {
        onSuccess: (saved) => void navigate({ to: paths.detail, params: { id: saved.id } }),
        onError: async (error) => {
          if (error.status === 400 && error.problem.errors?.length) setErrors(error.problem.errors);
          else if (error.status === 412) {
            // Someone saved first: show theirs beside the form, keep what the user typed; the next save is over theirs.
            const fresh = await latest.refetch();
            if (fresh.data) {
              setTheirs(fresh.data);
              setBaseVersion(fresh.data.version);
            }
          } else setFailure(httpErrorText(t, error.status));
        },
      },
    );
  };

  if (!access.known) {
    return <DetailPendingPage title={t('initiatives.edit.title', { title: initiative.title })} />;
  }
  if (!access.update) {
    return <ForbiddenPage title={t('initiatives.edit.title', { title: initiative.title })} />;
  }

  return (
    <Page title={t('initiatives.edit.title', { title: initiative.title })}>
      <p>
        <Link className="ds-link" to={paths.detail} params={{ id: initiative.id }}>
          {t('initiatives.edit.back')}
        </Link>
      </p>
      <form className="kb-form kb-form--wide" noValidate onSubmit={submit}>
        <ErrorSummary errors={summary} focusKey={submitCount} />
        {theirs && (
          <Alert color="warning" heading={t('initiatives.edit.conflictTitle')} headingLevel={2} role="alert">
            <p className="ds-paragraph">{t('initiatives.edit.conflictBody')}</p>
            <dl className="kb-initiative-facts">
              <dt>{t('initiatives.edit.fields.title')}</dt>
              <dd>{theirs.title}</dd>
              <dt>{t('initiatives.period.plannedEnd')}</dt>
              <dd>{theirs.plannedEndDate ? formatDate(theirs.plannedEndDate, language) : t('initiatives.notSet')}</dd>
              <dt>{t('initiatives.funds.granted')}</dt>
              <dd>{theirs.budget ? formatAmount(theirs.budget.granted, language) : t('initiatives.notSet')}</dd>
              <dt>{t('initiatives.funds.spent')}</dt>
              <dd>{theirs.budget ? formatAmount(theirs.budget.spent, language) : t('initiatives.notSet')}</dd>
              <dt>{t('initiatives.period.title')}</dt>
              <dd>{theirs.extensions.map((e) => `${formatDate(e.requestedEnd, language)} (${t(`initiatives.extensionStatus.${e.status}`)})`).join(', ') || t('common.none')}</dd>
            </dl>
          </Alert>
        )}
        {failure && (
          <Alert color="danger" role="alert">
            <p className="ds-paragraph">{failure}</p>
          </Alert>
        )}
        <fieldset className="ds-fieldset">
          <legend>{t('initiatives.edit.groups.about')}</legend>
          <TextField id={fieldId('title')} label={t('initiatives.edit.fields.title')} requiredLabel={t('common.required')} value={values.title} error={errorFor('title')} onChange={(e) => set('title', e.target.value)} />
          <Select
            id={fieldId('kind')}
            label={t('initiatives.edit.fields.kind')}
            options={initiativeKinds.map((kind) => ({ value: kind, label: t(`initiatives.kind.${kind}`) }))}
            value={values.kind}
            error={errorFor('kind')}
            onChange={(e) => set('kind', e.target.value as InitiativeKind)}
          />
          <TextArea id={fieldId('description')} label={t('initiatives.edit.fields.description')} value={values.description} error={errorFor('description')} onChange={(e) => set('description', e.target.value)} />
          <Select
            id={fieldId('maturityLevel')}
            label={t('initiatives.edit.fields.maturityLevel')}
            emptyOption={t('initiatives.notSet')}
            options={maturityLevels.map((level) => ({ value: level, label: level }))}
            value={values.maturityLevel}
            error={errorFor('maturityLevel')}
            onChange={(e) => set('maturityLevel', e.target.value)}
          />
          <Select
            id={fieldId('societalEffect')}
            label={t('initiatives.edit.fields.societalEffect')}
            description={t('initiatives.edit.societalEffectHelp')}
            emptyOption={t('initiatives.portfolio.notAssessed')}
            options={[1, 2, 3, 4, 5].map((value) => ({ value: String(value), label: String(value) }))}
            value={values.societalEffect}
            error={errorFor('societalEffect')}
            onChange={(e) => set('societalEffect', e.target.value)}
          />
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend>{t('initiatives.goals.title')}</legend>
          {values.goals.map((goal, index) => (
            <TextArea
              key={goal.id ?? `new-${index}`}
              id={fieldId(`goals.${index}.text`)}
              rows={2}
              label={t('initiatives.edit.goal', { number: index + 1 })}
              description={index === 0 ? t('initiatives.edit.goalHelp') : undefined}
              value={goal.text}
              error={errorFor(`goals.${index}.text`)}
              onChange={(e) => set('goals', values.goals.map((row, i) => (i === index ? { ...row, text: e.target.value } : row)))}
            />
          ))}
          <Button type="button" variant="secondary" onClick={() => set('goals', [...values.goals, { text: '' }])}>
            {t('initiatives.edit.addGoal')}
          </Button>
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend>{t('initiatives.themes.title')}</legend>
          {optionsByLabel(thematicAreas, (theme) => t(`thematicArea.${theme}`)).map(({ value: theme, label }) => (
              <Checkbox
                key={theme}
                id={fieldId(`theme-${theme}`)}
                label={label}
                checked={values.themes.includes(theme)}
                onChange={(e) => set('themes', e.target.checked ? [...values.themes, theme] : values.themes.filter((x) => x !== theme))}
              />
            ))}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend>{t('initiatives.partnership.levels')}</legend>
          {collaborationLevels.map((level) => (
            <Checkbox
              key={level}
              id={fieldId(`level-${level}`)}
              label={t(`collaborationLevel.${level}`)}
              checked={values.levels.includes(level)}
              onChange={(e) => set('levels', e.target.checked ? [...values.levels, level] : values.levels.filter((x) => x !== level))}
            />
          ))}
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend>{t('initiatives.edit.groups.funds')}</legend>
          <TextField id={fieldId('budget.granted')} inputMode="decimal" label={t('initiatives.edit.fields.granted')} description={t('initiatives.edit.amountHelp')} value={values.granted} error={errorFor('budget.granted')} onChange={(e) => set('granted', e.target.value)} />
          <TextField id={fieldId('budget.spent')} inputMode="decimal" label={t('initiatives.edit.fields.spent')} value={values.spent} error={errorFor('budget.spent')} onChange={(e) => set('spent', e.target.value)} />
        </fieldset>
        <fieldset className="ds-fieldset">
          <legend>{t('initiatives.edit.groups.period')}</legend>
          <TextField id={fieldId('startDate')} type="date" label={t('initiatives.edit.fields.startDate')} value={values.startDate} error={errorFor('startDate')} onChange={(e) => set('startDate', e.target.value)} />
          <TextField id={fieldId('plannedEndDate')} type="date" label={t('initiatives.edit.fields.plannedEndDate')} value={values.plannedEndDate} error={errorFor('plannedEndDate')} onChange={(e) => set('plannedEndDate', e.target.value)} />
          {values.extensions.map((row, index) => (
            <fieldset key={row.id ?? `new-${index}`} className="ds-fieldset kb-extension-row">
              <legend>{t('initiatives.period.extension', { number: index + 1 })}</legend>
              <TextField id={fieldId(`extensions.${index}.askedOn`)} type="date" label={t('initiatives.edit.extensionFields.askedOn')} value={row.askedOn} error={errorFor(`extensions.${index}.askedOn`)} onChange={(e) => setExtension(index, { askedOn: e.target.value })} />
              <TextField id={fieldId(`extensions.${index}.requestedEnd`)} type="date" label={t('initiatives.edit.extensionFields.requestedEnd')} value={row.requestedEnd} error={errorFor(`extensions.${index}.requestedEnd`)} onChange={(e) => setExtension(index, { requestedEnd: e.target.value })} />
              <Select
                id={fieldId(`extensions.${index}.status`)}
                label={t('initiatives.edit.extensionFields.status')}
                options={extensionStatuses.map((status) => ({ value: status, label: t(`initiatives.extensionStatus.${status}`) }))}
                value={row.status}
                error={errorFor(`extensions.${index}.status`)}
                onChange={(e) => setExtension(index, { status: e.target.value as ExtensionRow['status'] })}
              />
              <TextField id={fieldId(`extensions.${index}.decidedOn`)} type="date" label={t('initiatives.edit.extensionFields.decidedOn')} value={row.decidedOn} error={errorFor(`extensions.${index}.decidedOn`)} onChange={(e) => setExtension(index, { decidedOn: e.target.value })} />
              <TextArea id={fieldId(`extensions.${index}.note`)} rows={2} label={t('initiatives.edit.extensionFields.note')} value={row.note} error={errorFor(`extensions.${index}.note`)} onChange={(e) => setExtension(index, { note: e.target.value })} />
              <Button type="button" variant="tertiary" onClick={() => set('extensions', values.extensions.filter((_, i) => i !== index))}>
                {t('initiatives.edit.removeExtension', { number: index + 1 })}
              </Button>
            </fieldset>
          ))}
          <Button type="button" variant="secondary" onClick={() => set('extensions', [...values.extensions, { askedOn: '', requestedEnd: '', status: 'asked', decidedOn: '', note: '' }])}>
            {t('initiatives.edit.addExtension')}
          </Button>
        </fieldset>
        <div className="kb-cluster">
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? t('common.saving') : theirs ? t('initiatives.planForm.saveAnyway') : t('common.saveChanges')}
          </Button>
          <Link className="ds-link" to={paths.detail} params={{ id: initiative.id }}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </Page>
  );
}
