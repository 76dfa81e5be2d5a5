import { actorQueries, regionQueries, trySave, useCan, useCreateSurvey, useSurveyRecipientsPreview } from '@kompetansebro/api-client';
import { deadlineTooFar, fieldErrorsFromIssues, surveyCreateSchema, surveyErrorCodes, type FieldError } from '@kompetansebro/domain';
import {
  bindFields,
  CancelLink,
  Button,
  Checkbox,
  ConfirmDialog,
  DataTable,
  FailureAlert,
  fieldErrorText,
  ForbiddenPage,
  Page,
  RecordForm,
  StatusTag,
  TextField,
  useFormSubmit,
  useUnsavedChangesGuard,
  type ErrorSummaryItem,
} from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSurveyFeature } from './survey-feature-context';

type Field = 'name' | 'deadline' | 'regionIds' | 'actorIds';
const fieldIds: Record<Field, string> = { name: 'survey-name', deadline: 'survey-deadline', regionIds: 'survey-regions', actorIds: 'survey-libraries' };
/** "actorIds.3" belongs to the libraries; anything unknown is shown at the top only. */
const fieldOf = (path: string): Field | null => {
  const head = path.split('.')[0];
  return head === 'name' || head === 'deadline' || head === 'regionIds' || head === 'actorIds' ? head : null;
};

/** "Start en tjenesteundersøkelse": name, deadline, regions and/or libraries, branches. Starting mails every library. */
export function SurveyCreatePage() {
  const { t } = useTranslation();
  const { paths, setNotice } = useSurveyFeature();
  const navigate = useNavigate();
  const create = useCreateSurvey();
  const regions = useQuery(regionQueries.list());
  // Hundreds of libraries at national scale: found by the server as the user types.
  const librarySearch = usePickerSearch();
  const libraries = useQuery({
    ...actorQueries.list({ kind: 'public_library', q: librarySearch.q || undefined, pageSize: PICKER_SEARCH_SIZE, sort: 'name' }),
    placeholderData: keepPreviousData,
  });
  const [values, setValues] = useState({ name: '', deadline: '' });
  const { name, deadline } = values;
  const [regionIds, setRegionIds] = useState<string[]>([]);
  const [actorIds, setActorIds] = useState<string[]>([]);
  const [includeBranches, setIncludeBranches] = useState(true);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const recipients = useSurveyRecipientsPreview();
  // Before any mail goes: how many of the libraries chosen no mail reaches (some have no address).
  const [unreached, setUnreached] = useState<{ withAddress: number; count: number } | null>(null);
  const guard = useUnsavedChangesGuard(name.trim() !== '' || deadline !== '' || regionIds.length > 0 || actorIds.length > 0);

  const show = (found: readonly FieldError[]) => {
    setErrors([...found]);
    if (found.length > 0) setSubmitCount((count) => count + 1);
  };
  const save = useFormSubmit({ showErrors: show });
  const mayStart = useCan('survey', 'create');
  const messageOf = (error: FieldError) => {
    const field = fieldOf(error.path);
    if (field === 'name' && name.trim() === '') return t('validation.required');
    if (field === 'deadline' && deadline === '') return t('validation.required');
    if (error.code === 'no_libraries') return t('survey.create.pickOne');
    if (error.code === surveyErrorCodes.deadlineTooFar) return t('survey.create.deadlineTooFar');
    return fieldErrorText(t, error, '');
  };
  const errorFor = (field: Field) => {
    const error = errors.find((candidate) => fieldOf(candidate.path) === field);
    return error ? messageOf(error) : undefined;
  };
  const labels: Record<Field, string> = {
    name: t('survey.create.field.name.label'),
    deadline: t('survey.create.field.deadline.label'),
    regionIds: t('survey.create.field.regions.legend'),
    actorIds: t('survey.create.field.libraries.legend'),
  };
  const summary: ErrorSummaryItem[] = errors.map((error) => {
    const field = fieldOf(error.path) ?? 'name';
    return { fieldId: fieldIds[field], message: `${labels[field]}: ${messageOf(error)}` };
  });
  const field = bindFields({
    values,
    set: (key, value) => setValues((current) => ({ ...current, [key]: value })),
    idOf: (key) => fieldIds[key],
    labelOf: (key) => labels[key],
    helpOf: (key) => t(`survey.create.field.${key}.help`),
    errorAt: errorFor,
  });
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  const submit = async (confirmed = false) => {
    save.start();
    const found: FieldError[] = [];
    // The name by the API's own rule (filled in, at most 200 characters), with the other fields in the same round.
    const checkedName = surveyCreateSchema.shape.name.safeParse(name.trim());
    if (!checkedName.success) found.push(...fieldErrorsFromIssues(checkedName.error.issues, 'name'));
    if (deadline === '') found.push({ path: 'deadline', code: 'invalid_type', message: '' });
    else if (deadlineTooFar(deadline)) found.push({ path: 'deadline', code: surveyErrorCodes.deadlineTooFar, message: '' });
    if (regionIds.length === 0 && actorIds.length === 0) found.push({ path: 'actorIds', code: 'no_libraries', message: '' });
    show(found);
    if (found.length > 0) return;
    if (!confirmed) {
      // Without the list (the preview failed) the start goes ahead: the survey's page says who got no mail.
      const list = await recipients.mutateAsync({ regionIds, actorIds, includeBranches }).catch(() => null);
      const withAddress = list?.filter((recipient) => recipient.email !== null).length ?? 0;
      if (list && withAddress < list.length) {
        setUnreached({ withAddress, count: list.length });
        return;
      }
    }
    setUnreached(null);
    const result = await trySave(create.mutateAsync({ name: name.trim(), deadline, regionIds, actorIds, includeBranches }));
    if (!save.settle(result)) return;
    const survey = result.data;
    guard.allowNavigation();
    // The mails go from the server's queue after this answer: count those with an address to mail.
    setNotice({ kind: 'started', mailed: survey.recipientList.filter((r) => r.email !== null).length, recipients: survey.recipients });
    await navigate({ to: paths.detail, params: { id: survey.id } });
  };

  // Reached by its address, a role that may not start one (a county viewer) gets no form to fill in in vain.
  if (!mayStart) return <ForbiddenPage title={t('survey.create.title')} />;

  const required = t('common.required');
  const regionError = errorFor('regionIds');
  const libraryError = errorFor('actorIds');
  return (
    <Page title={t('survey.create.title')}>
      <RecordForm
        summary={summary}
        submitCount={submitCount}
        notice={<FailureAlert title={t('survey.create.failed')} message={save.failure} />}
        intro={t('survey.create.intro')}
        submitLabel={t('survey.create.submit')}
        submittingLabel={t('survey.create.sending')}
        submitting={create.isPending || recipients.isPending}
        onSubmit={() => void submit()}
        cancel={<CancelLink to={paths.list} />}
      >
        <TextField {...field('name')} requiredLabel={required} />
        <TextField {...field('deadline')} type="date" requiredLabel={required} />
        <ChoiceFieldset
          id={fieldIds.regionIds}
          idPrefix="survey-region"
          helpId="survey-regions-help"
          legend={labels.regionIds}
          help={t('survey.create.field.regions.help')}
          error={regionError}
          loadingText={t('common.loading')}
          options={regions}
          chosen={regionIds}
          onToggle={(id, on) => setRegionIds((list) => toggle(list, id, on))}
        />
        <SearchablePicker
          multiple
          id={fieldIds.actorIds}
          label={labels.actorIds}
          description={t('survey.create.field.libraries.help')}
          error={libraryError ?? (libraries.isError ? t('states.errorBody') : undefined)}
          search={librarySearch}
          matches={libraries.data && { shown: libraries.data.items.length, total: libraries.data.total }}
          loading={libraries.isFetching}
          options={(libraries.data?.items ?? []).map((library) => ({ value: library.id, label: library.name }))}
          value={actorIds}
          onChange={setActorIds}
        />
        <Checkbox
          id="survey-include-branches"
          label={t('survey.create.field.includeBranches.label')}
          checked={includeBranches}
          onChange={(event) => setIncludeBranches(event.target.checked)}
        />
        <RecipientsPreview regionIds={regionIds} actorIds={actorIds} includeBranches={includeBranches} />
        <p className="ds-sr-only" role="status">
          {create.isPending ? t('survey.create.sending') : ''}
        </p>
      </RecordForm>
      <ConfirmDialog
        open={unreached !== null}
        title={t('survey.create.confirmTitle')}
        confirmLabel={t('survey.create.confirmStart')}
        cancelLabel={t('common.cancel')}
        confirmColor="accent"
        busy={create.isPending}
        onConfirm={() => void submit(true)}
        onCancel={() => setUnreached(null)}
      >
        {unreached && (
          <p className="ds-paragraph">
            {t('survey.create.confirmUnreached', { withAddress: unreached.withAddress, count: unreached.count, missing: unreached.count - unreached.withAddress })}
          </p>
        )}
      </ConfirmDialog>
      {guard.dialog}
    </Page>
  );
}

interface ChoiceFieldsetProps {
  id: string;
  /** Each checkbox's id is this and the option's id. */
  idPrefix: string;
  helpId: string;
  legend: string;
  help: string;
  error: string | undefined;
  loadingText: string;
  /** The read of the options (the regions): a checkbox per item once loaded. */
  options: { isPending: boolean; isError: boolean; data?: { items: ReadonlyArray<{ id: string; name: string }> } | undefined };
  chosen: readonly string[];
  onToggle: (id: string, on: boolean) => void;
}

/** The campaign's regions: a checkbox per option, with its help, error and loading state. */
function ChoiceFieldset({ id, idPrefix, helpId, legend, help, error, loadingText, options, chosen, onToggle }: ChoiceFieldsetProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="ds-fieldset" id={id} aria-describedby={helpId} aria-invalid={error ? true : undefined} tabIndex={-1}>
      <legend>{legend}</legend>
      <p className="ds-paragraph" data-size="sm" id={helpId}>
        {help}
      </p>
      {error && <p className="ds-validation-message">{error}</p>}
      {options.isPending && <p className="ds-paragraph">{loadingText}</p>}
      {options.isError && <p className="ds-validation-message">{t('states.errorBody')}</p>}
      <div className="kb-survey-library-grid">
        {options.data?.items.map((option) => (
          <Checkbox
            key={option.id}
            id={`${idPrefix}-${option.id}`}
            label={option.name}
            checked={chosen.includes(option.id)}
            onChange={(event) => onToggle(option.id, event.target.checked)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** "Se hvem som får undersøkelsen": the libraries the choices ask, and who has no address (a letter instead of a mail). */
function RecipientsPreview(choices: { regionIds: string[]; actorIds: string[]; includeBranches: boolean }) {
  const { t } = useTranslation();
  const preview = useSurveyRecipientsPreview();
  const nothingChosen = choices.regionIds.length === 0 && choices.actorIds.length === 0;
  const shown = preview.data;
  return (
    <div>
      <Button variant="secondary" disabled={nothingChosen} loading={preview.isPending} onClick={() => preview.mutate(choices)}>
        {t('survey.create.preview')}
      </Button>
      {preview.isError && <p className="ds-validation-message">{t('states.errorBody')}</p>}
      {shown && (
        <>
          <p className="ds-paragraph" role="status">
            {t('survey.create.previewSummary', { withAddress: shown.filter((r) => r.email).length, count: shown.length })}
          </p>
          <DataTable
            caption={t('survey.create.previewCaption')}
            columns={[
              { key: 'library', header: t('survey.create.previewLibrary'), rowHeader: true, cell: (r) => r.actorName },
              { key: 'address', header: t('survey.create.previewAddress'), cell: (r) => r.email ?? <StatusTag color="warning">{t('survey.create.previewNoAddress')}</StatusTag> },
            ]}
            rows={shown}
            rowKey={(r) => r.actorId}
          />
        </>
      )}
    </div>
  );
}
