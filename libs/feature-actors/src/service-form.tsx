import { openingHoursQueries, serviceQueries, trySave, useCreateService, useUpdateService } from '@kompetansebro/api-client';
import { audiences, serviceHoursSchema, serviceTypes, serviceWeeklyHours, weeklyHoursFollowOpeningHours, type ServiceSummary, type ServiceType } from '@kompetansebro/domain';
import {
  Alert,
  bindFields,
  Button,
  Checkbox,
  errorMessages,
  ErrorSummary,
  FailureAlert,
  fieldErrorText,
  mergeTheirVersion,
  Select,
  StaleSaveNotice,
  TextArea,
  TextField,
  useFormState,
  useFormSubmit,
  useStaleSave,
  useUnsavedChangesGuard,
  type ShownFieldError,
} from '@kompetansebro/ui';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  changedServiceFields,
  emptyServiceFormValues,
  formValuesFromService,
  serviceFieldId,
  serviceFieldOfPath,
  serviceFormState,
  toServiceCreate,
  toServiceUpdate,
  type ServiceFormField,
  type ServiceFormValues,
} from './service-form-values';
import { useActorFeature } from './actor-feature-context';
import { useServiceValueText } from './service-texts';

const wholeNumberFields = new Set(['ageLimit', 'bookingLeadTimeDays', 'capacity']);

export type ServiceFormProps = { onCancel: () => void; onSaved: (service: ServiceSummary) => void } & (
  | { mode: 'create'; actorId: string }
  | { mode: 'edit'; service: ServiceSummary }
);

/**
 * A service's form, opened in place on the actor's page: new, or over the version loaded.
 * Errors stand beside their fields and in a summary; when someone else saved first, the
 * form keeps what the user typed, shows what the other person changed, and saves again
 * over their version only when the user says so.
 */
export function ServiceForm(props: ServiceFormProps) {
  const { t } = useTranslation();
  const formId = useId().replace(/:/g, '');
  const queryClient = useQueryClient();
  const describe = useServiceValueText();
  const editing = props.mode === 'edit' ? props.service : null;
  const initial = editing ? formValuesFromService(editing) : emptyServiceFormValues;
  const form = useFormState<ServiceFormValues>(initial, serviceFormState);
  const { values, setValues, savedValues, setSavedValues, setField, errors, showErrors } = form;
  const [baseVersion, setBaseVersion] = useState(editing?.version ?? 0);
  const stale = useStaleSave<ServiceFormField>();
  // Whether the latest version, once loaded after a conflict, was archived by someone else.
  const [archivedMeanwhile, setArchivedMeanwhile] = useState(false);
  const [nothingChanged, setNothingChanged] = useState(false);
  const createService = useCreateService();
  const updateService = useUpdateService(editing?.id ?? '');
  const saving = createService.isPending || updateService.isPending;
  // Leaving the page with the form half filled asks first (the form closes itself after a save).
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);
  // "Betjent åpningstid" and "Meråpent" of a library with a weekly timetable: the hours a week
  // follow the timetable (the server stores its figure), so they are shown, not entered.
  const { links } = useActorFeature();
  const language = useLanguage();
  const actorId = props.mode === 'create' ? props.actorId : props.service.actorId;
  const serviceType = (props.mode === 'create' ? values.type : props.service.type) as ServiceType;
  const hoursType = serviceType === 'staffed_hours' || serviceType === 'self_service_hours';
  const openingHours = useQuery({ ...openingHoursQueries.detail(actorId), enabled: hoursType }).data ?? null;
  const followsOpeningHours = weeklyHoursFollowOpeningHours(serviceType, openingHours);

  /** Someone saved first: their version becomes the base; every field the user changed keeps the user's value. */
  const loadLatest = async () => {
    if (!editing) return;
    await stale.loadLatest(async () => {
      const latest = await queryClient.fetchQuery({ ...serviceQueries.detail(editing.id), staleTime: 0 });
      const latestValues = formValuesFromService(latest);
      const { merged, changedByThem } = mergeTheirVersion({ yours: values, base: savedValues, theirs: latestValues, changedFields: changedServiceFields });
      setArchivedMeanwhile(latest.archivedAt !== null);
      setValues(merged);
      setSavedValues(latestValues);
      setBaseVersion(latest.version);
      return changedByThem.map((field) => ({ field, theirs: describe(field, latestValues), yours: describe(field, merged) }));
    });
  };

  // A stale save loads their version at once and merges it, keeping what the user changed.
  const save = useFormSubmit({ showErrors, onStale: () => void loadLatest() });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.start();
    setNothingChanged(false);
    const result = props.mode === 'create' ? toServiceCreate(props.actorId, values) : toServiceUpdate(values, savedValues);
    if ('errors' in result) {
      showErrors(result.errors);
      return;
    }
    showErrors([]);
    if ('changes' in result && Object.keys(result.changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    const outcome = await trySave<ServiceSummary>(
      'input' in result ? createService.mutateAsync(result.input) : updateService.mutateAsync({ changes: result.changes, version: baseVersion }),
    );
    if (!save.settle(outcome)) return;
    guard.allowNavigation();
    props.onSaved(outcome.data);
  };

  const messageOf = (error: ShownFieldError) => {
    if (error.code === 'not_a_number') return t('actors.services.notANumber');
    if (error.code === 'not_multiple_of') return t('actors.services.oneDecimal');
    // A number with decimals where a whole one is asked (zod calls it the wrong type).
    if (error.code === 'invalid_type' && error.value.trim() !== '' && wholeNumberFields.has(error.path)) return t('actors.services.wholeNumber');
    return fieldErrorText(t, error, error.value);
  };
  const { messageAt: fieldError, summary } = errorMessages(errors, {
    messageOf,
    fieldIdOf: (path) => serviceFieldId(formId, serviceFieldOfPath(path) ?? 'audiences'),
    labelOf: (path) => {
      const field = serviceFieldOfPath(path);
      return field ? t(`actors.services.field.${field}.label`) : undefined;
    },
  });

  const required = t('common.required');
  const field = bindFields({
    values,
    set: setField,
    idOf: (name) => serviceFieldId(formId, name),
    labelOf: (name) => t(`actors.services.field.${name}.label`),
    helpOf: (name) => t(`actors.services.field.${name}.help`),
    errorAt: fieldError,
  });
  const numberField = (name: 'weeklyHours' | 'ageLimit' | 'bookingLeadTimeDays' | 'capacity') => (
    <TextField {...field(name)} inputMode={name === 'weeklyHours' ? 'decimal' : 'numeric'} autoComplete="off" />
  );
  const chosenAudiences = new Set(values.audiences.split(',').filter(Boolean));
  const toggleAudience = (audience: string, checked: boolean) => {
    const next = new Set(chosenAudiences);
    if (checked) next.add(audience);
    else next.delete(audience);
    // In the domain's order, so the same choice always reads the same (and compares equal).
    setField('audiences', audiences.filter((candidate) => next.has(candidate)).join(','));
  };
  const audienceError = fieldError('audiences');
  const title = editing ? t('actors.services.editTitle', { type: t(`serviceType.${editing.type}`) }) : t('actors.services.addTitle');

  return (
    <form className="kb-form kb-service-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={saving || undefined} aria-labelledby={`${formId}-title`}>
      <h4 className="ds-heading" data-size="xs" id={`${formId}-title`}>
        {title}
      </h4>
      <ErrorSummary errors={summary} focusKey={form.submitCount} />
      <StaleSaveNotice
        conflict={stale.conflict}
        fieldLabel={(field) => t(`actors.services.field.${field}.label`)}
        onLoadLatest={() => void loadLatest()}
        changesHeadingLevel={5}
        mergedNote={archivedMeanwhile && <p className="ds-paragraph">{t('actors.services.archivedMeanwhile')}</p>}
      />
      <FailureAlert title={t('actors.services.saveFailed')} message={save.failure} />
      {nothingChanged && (
        <Alert color="info" role="status">
          {t('actors.services.noChanges')}
        </Alert>
      )}

      {props.mode === 'create' && (
        <Select
          {...field('type')}
          requiredLabel={required}
          emptyOption={t('common.chooseOne')}
          options={serviceTypes.map((type) => ({ value: type, label: t(`serviceType.${type}`) }))}
        />
      )}

      <fieldset className="ds-fieldset" aria-describedby={audienceError ? `${formId}-audiences-error` : undefined}>
        <legend>{t('actors.services.field.audiences.label')}</legend>
        <p className="ds-paragraph" data-size="sm">
          {t('actors.services.field.audiences.help')}
        </p>
        {audiences.map((audience) => (
          <Checkbox
            key={audience}
            id={`${formId}-audiences-${audience}`}
            label={t(`actors.services.audience.${audience}`)}
            checked={chosenAudiences.has(audience)}
            aria-invalid={audienceError ? true : undefined}
            onChange={(event) => toggleAudience(audience, event.target.checked)}
          />
        ))}
        {audienceError && (
          <p className="ds-validation-message" data-field="validation" id={`${formId}-audiences-error`}>
            {audienceError}
          </p>
        )}
      </fieldset>

      <Select
        {...field('hours')}
        emptyOption={t('common.notProvided')}
        options={serviceHoursSchema.options.map((hours) => ({ value: hours, label: t(`actors.services.hours.${hours}`) }))}
      />
      {followsOpeningHours && openingHours ? (
        <TextField
          {...field('weeklyHours')}
          value={formatNumber(serviceWeeklyHours(serviceType, null, openingHours) ?? 0, language)}
          onChange={undefined}
          readOnly
          inputMode="decimal"
          description={
            <>
              {t('actors.services.field.weeklyHours.followsOpeningHours')}{' '}
              {links.openingHours ? (
                <Link className="ds-link" to={links.openingHours} params={{ id: actorId }}>
                  {t('actors.services.field.weeklyHours.changeOpeningHours')}
                </Link>
              ) : (
                t('actors.services.field.weeklyHours.whereOpeningHours')
              )}
            </>
          }
        />
      ) : (
        numberField('weeklyHours')
      )}
      <TextArea {...field('description')} rows={3} />
      {numberField('ageLimit')}
      <Checkbox
        id={serviceFieldId(formId, 'contractRequired')}
        label={t('actors.services.field.contractRequired.label')}
        checked={values.contractRequired === 'true'}
        onChange={(event) => setField('contractRequired', String(event.target.checked))}
      />
      {numberField('bookingLeadTimeDays')}
      {numberField('capacity')}
      <TextArea {...field('note')} rows={2} />
      <div className="kb-cluster">
        <Button type="submit" loading={saving}>
          {editing ? t('actors.services.submitEdit') : t('actors.services.submitCreate')}
        </Button>
        <Button variant="tertiary" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
      {guard.dialog}
    </form>
  );
}
