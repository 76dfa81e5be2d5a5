import { initiativeQueries, useUpdateInitiative } from '@kompetansebro/api-client';
import type { FieldError, InitiativeDetail, MaturityLevel } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, CancelLink, ChangesTable, DetailPendingPage, FailureAlert, ForbiddenPage, httpErrorText, Page } from '@kompetansebro/ui';
import { queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInitiativeFeature } from './initiative-feature-context';
import { InitiativeForm } from './initiative-form';
import { changedFields, formValuesFromInitiative, toInitiativeUpdate, validateInitiativeForm, type InitiativeFormValues } from './initiative-form-values';
import { maturityLabel } from './maturity-label';
import { useCanEditInitiatives } from './use-can-edit-initiatives';
import './initiatives.css';

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
  const { paths, setNotice } = useInitiativeFeature();
  const access = useCanEditInitiatives();
  const navigate = useNavigate();
  const [values, setValues] = useState(() => formValuesFromInitiative(initiative));
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  const [baseVersion, setBaseVersion] = useState(initiative.version);
  const [theirs, setTheirs] = useState<InitiativeDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const update = useUpdateInitiative(initiative.id);
  const latest = useQuery({ ...initiativeQueries.detail(initiative.id), enabled: false });

  const showErrors = (found: readonly FieldError[]) => {
    setErrors(found);
    if (found.length > 0) setSubmitCount((count) => count + 1);
  };

  const submit = () => {
    setFailure(null);
    const found = validateInitiativeForm(values);
    showErrors(found);
    if (found.length > 0) return;
    update.mutate(
      { changes: toInitiativeUpdate(values), version: baseVersion },
      {
        onSuccess: (saved) => {
          setNotice('saved');
          void navigate({ to: paths.detail, params: { id: saved.id } });
        },
        onError: async (error) => {
          if (error.status === 400 && error.problem.errors?.length) showErrors(error.problem.errors);
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

  // Every field the form edits where what is stored differs from the form: saving again replaces it.
  const fieldText = (field: keyof InitiativeFormValues, form: InitiativeFormValues): string => {
    const dateText = (date: string) => (date ? formatDate(date, language) : t('initiatives.notSet'));
    switch (field) {
      case 'kind':
        return form.kind ? t(`initiatives.kind.${form.kind}`) : t('initiatives.notSet');
      case 'startDate':
      case 'plannedEndDate':
        return dateText(form[field]);
      case 'maturityLevel':
        return form.maturityLevel ? maturityLabel(t, form.maturityLevel as MaturityLevel) : t('initiatives.notSet');
      case 'themes':
        return form.themes.map((theme) => t(`thematicArea.${theme}`)).join(', ') || t('common.none');
      case 'levels':
        return form.levels.map((level) => t(`collaborationLevel.${level}`)).join(', ') || t('common.none');
      case 'goals':
        return form.goals.map((goal) => goal.text).join('; ') || t('common.none');
      case 'extensions':
        return form.extensions.map((e) => `${dateText(e.requestedEnd)} (${t(`initiatives.extensionStatus.${e.status}`)})`).join(', ') || t('common.none');
      default:
        return form[field] || t('initiatives.notSet');
    }
  };
  const fieldLabel = (field: keyof InitiativeFormValues): string => {
    if (field === 'themes') return t('initiatives.themes.title');
    if (field === 'levels') return t('initiatives.partnership.levels');
    if (field === 'goals') return t('initiatives.goals.title');
    if (field === 'extensions') return t('initiatives.period.title');
    return t(`initiatives.edit.fields.${field}`);
  };
  const conflictRows = (stored: InitiativeFormValues, form: InitiativeFormValues) =>
    changedFields(stored, form).map((field) => ({ key: field, label: fieldLabel(field), first: fieldText(field, stored), second: fieldText(field, form) }));

  const notice = (
    <>
      {theirs && (
        <Alert color="warning" heading={t('initiatives.edit.conflictTitle')} headingLevel={2} role="alert" focusKey={theirs}>
          <p className="ds-paragraph">{t('initiatives.edit.conflictBody')}</p>
          <ChangesTable
            columns={[t('common.staleSave.field'), t('common.staleSave.theirValue'), t('common.staleSave.yourValue')]}
            rows={conflictRows(formValuesFromInitiative(theirs), values)}
          />
        </Alert>
      )}
      <FailureAlert title={t('initiatives.form.saveFailed')} message={failure} />
    </>
  );

  return (
    <Page title={t('initiatives.edit.title', { title: initiative.title })}>
      <p>
        <Link className="ds-link" to={paths.detail} params={{ id: initiative.id }}>
          {t('initiatives.edit.back')}
        </Link>
      </p>
      <InitiativeForm
        values={values}
        onChange={setValues}
        errors={errors}
        submitCount={submitCount}
        notice={notice}
        submitLabel={theirs ? t('initiatives.planForm.saveAnyway') : t('common.saveChanges')}
        submitting={update.isPending}
        onSubmit={submit}
        cancel={<CancelLink to={paths.detail} id={initiative.id} />}
      />
    </Page>
  );
}
