import { trySave, useCreateActivity } from '@kompetansebro/api-client';
import { Alert, buttonLinkProps, httpErrorText, LoadingState, Page, useUnsavedChangesGuard } from '@kompetansebro/ui';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityForm } from './activity-form';
import { emptyActivityFormValues, toActivityCreate, validateActivityForm } from './activity-form-values';
import { useActivityFormState } from './use-activity-form-state';
import { useActivityAccess } from './use-can-edit-activities';
import './activities.css';

/** "Registrer aktivitet": the empty form; on success, the new activity's page with a short confirmation. */
export function ActivityCreatePage() {
  const { t } = useTranslation();
  const access = useActivityAccess();
  if (access.isPending) {
    return (
      <Page title={t('activities.form.createTitle')}>
        <LoadingState />
      </Page>
    );
  }
  if (!access.may('create')) {
    return (
      <Page title={t('activities.form.createTitle')}>
        <Alert color="warning">{t('errors.forbidden')}</Alert>
      </Page>
    );
  }
  return <ActivityCreateForm ownOrganiser={access.ownOrganiser} />;
}

function ActivityCreateForm({ ownOrganiser }: { ownOrganiser: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const { paths, setNotice, kinds } = useActivityFeature();
  const navigate = useNavigate();
  // A portal that registers one kind (webinars, say) starts with it chosen; outside the county the organiser is the user's own.
  const form = useActivityFormState({
    ...emptyActivityFormValues,
    kind: kinds?.length === 1 ? (kinds[0] ?? '') : '',
    organiserId: ownOrganiser?.id ?? '',
  });
  const createActivity = useCreateActivity();
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);
  const [failureMessage, setFailureMessage] = useState<string | null>(null);

  const submit = async () => {
    setFailureMessage(null);
    const found = validateActivityForm(form.values);
    form.showErrors(found);
    const input = toActivityCreate(form.values);
    if (found.length > 0 || !input) return;
    const result = await trySave(createActivity.mutateAsync(input));
    if (result.ok) {
      guard.allowNavigation();
      setNotice('created');
      await navigate({ to: paths.detail, params: { id: result.data.id } });
    } else if (result.kind === 'fields') form.showErrors(result.errors);
    else setFailureMessage(result.kind === 'other' ? httpErrorText(t, result.status) : t('errors.conflict'));
  };

  return (
    <Page title={t('activities.form.createTitle')}>
      <ActivityForm
        values={form.values}
        onChange={form.update}
        errors={form.errors}
        submitCount={form.submitCount}
        initialOrganiser={ownOrganiser}
        ownOrganiser={ownOrganiser}
        notice={
          failureMessage && (
            <Alert color="danger" role="alert" heading={t('activities.form.saveFailed')}>
              {failureMessage}
            </Alert>
          )
        }
        submitLabel={t('activities.form.submitCreate')}
        submitting={createActivity.isPending}
        onSubmit={() => void submit()}
        cancel={
          <Link to={paths.list} {...buttonLinkProps('tertiary')}>
            {t('common.cancel')}
          </Link>
        }
      />
      {guard.dialog}
    </Page>
  );
}
