import { collaborationLevels, extensionStatuses, initiativeKinds, maturityLevels, thematicAreas, type FieldError, type InitiativeKind } from '@kompetansebro/domain';
import { Button, Checkbox, errorMessages, fieldErrorText, optionsByLabel, RecordForm, Select, TextArea, TextField } from '@kompetansebro/ui';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyExtensionRow, initiativeFieldId as fieldId, inFormOrder, valueAt, type ExtensionRow, type InitiativeFormValues } from './initiative-form-values';
import { maturityLabel } from './maturity-label';

const ruleCodes = ['end_before_start', 'decided_before_asked', 'decided_while_asked', 'extension_not_later'] as const;

export interface InitiativeFormProps {
  values: InitiativeFormValues;
  onChange: (change: (values: InitiativeFormValues) => InitiativeFormValues) => void;
  /** The errors of the last attempt to save: the form's own checks, or the API's (400 problem+json). */
  errors: readonly FieldError[];
  /** Changes on every submit that found errors: focus moves to the summary. */
  submitCount: number;
  /** What the page says above the fields (their version, a failed save). */
  notice?: ReactNode;
  submitLabel: string;
  submitting: boolean;
  onSubmit: () => void;
  cancel: ReactNode;
}

/**
 * Every field of an initiative, for "Nytt tiltak" and "Rediger" alike: what it is, its goals,
 * thematic areas and collaboration levels, its funds, and its period with the extensions. Each
 * error beside its field and in a summary that takes the focus.
 */
export function InitiativeForm({ values, onChange, errors, ...frame }: InitiativeFormProps) {
  const { t } = useTranslation();

  const set = <K extends keyof InitiativeFormValues>(field: K, value: InitiativeFormValues[K]) => onChange((current) => ({ ...current, [field]: value }));
  const setExtension = (index: number, change: Partial<ExtensionRow>) =>
    onChange((current) => ({ ...current, extensions: current.extensions.map((row, i) => (i === index ? { ...row, ...change } : row)) }));

  const messageOf = (error: FieldError) => {
    if (error.code === 'amount') return t('initiatives.edit.amountFormat');
    const rule = ruleCodes.find((code) => code === error.code);
    if (rule) return t(`initiatives.edit.rules.${rule}`);
    return fieldErrorText(t, error, valueAt(values, error.path));
  };
  const labelOf = (path: string) => {
    const [field, index, key] = path.split('.');
    if (field === 'budget') return t(`initiatives.edit.fields.${index === 'spent' ? 'spent' : 'granted'}`);
    if (field === 'goals') return t('initiatives.edit.goal', { number: Number(index) + 1 });
    if (field === 'extensions') return `${t('initiatives.period.extension', { number: Number(index) + 1 })}: ${t(`initiatives.edit.extensionFields.${(key ?? 'requestedEnd') as 'requestedEnd'}`)}`;
    return t(`initiatives.edit.fields.${(field ?? 'title') as 'title'}`);
  };
  const { messageAt: errorFor, summary } = errorMessages(inFormOrder(errors), { messageOf, fieldIdOf: fieldId, labelOf });

  const required = t('common.required');
  return (
    <RecordForm wide summary={summary} intro={t('initiatives.form.intro', { required })} {...frame}>
      <fieldset className="ds-fieldset">
        <legend>{t('initiatives.edit.groups.about')}</legend>
        <TextField id={fieldId('title')} label={t('initiatives.edit.fields.title')} requiredLabel={required} value={values.title} error={errorFor('title')} onChange={(e) => set('title', e.target.value)} />
        <Select
          id={fieldId('kind')}
          label={t('initiatives.edit.fields.kind')}
          requiredLabel={required}
          emptyOption={t('common.chooseOne')}
          options={initiativeKinds.map((kind) => ({ value: kind, label: t(`initiatives.kind.${kind}`) }))}
          value={values.kind}
          error={errorFor('kind')}
          onChange={(e) => set('kind', e.target.value as InitiativeKind | '')}
        />
        <TextArea id={fieldId('description')} label={t('initiatives.edit.fields.description')} value={values.description} error={errorFor('description')} onChange={(e) => set('description', e.target.value)} />
        <Select
          id={fieldId('maturityLevel')}
          label={t('initiatives.edit.fields.maturityLevel')}
          emptyOption={t('initiatives.notSet')}
          options={maturityLevels.map((level) => ({ value: level, label: maturityLabel(t, level) }))}
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
            <TextField id={fieldId(`extensions.${index}.askedOn`)} type="date" label={t('initiatives.edit.extensionFields.askedOn')} requiredLabel={required} value={row.askedOn} error={errorFor(`extensions.${index}.askedOn`)} onChange={(e) => setExtension(index, { askedOn: e.target.value })} />
            <TextField id={fieldId(`extensions.${index}.requestedEnd`)} type="date" label={t('initiatives.edit.extensionFields.requestedEnd')} requiredLabel={required} value={row.requestedEnd} error={errorFor(`extensions.${index}.requestedEnd`)} onChange={(e) => setExtension(index, { requestedEnd: e.target.value })} />
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
        <Button type="button" variant="secondary" onClick={() => set('extensions', [...values.extensions, { ...emptyExtensionRow }])}>
          {t('initiatives.edit.addExtension')}
        </Button>
      </fieldset>
    </RecordForm>
  );
}
