import { trySave, useCreateActivity } from '@kompetansebro/api-client';
import { CancelLink, DetailPendingPage, FailureAlert, ForbiddenPage, Page, useCreateForm } from '@kompetansebro/ui';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityForm } from './activity-form';
import { activityFormState, emptyActivityFormValues, toActivityCreate, validateActivityForm } from './activity-form-values';
import { useActivityAccess } from './use-can-edit-activities';
import './activities.css';

/** "Registrer aktivitet": the empty form; on success, the new activity's page with a short confirmation. */
export function ActivityCreatePage() {
  const { t } = useTranslation();
  const access = useActivityAccess();
  if (access.isPending) {
    return <DetailPendingPage title={t('activities.form.createTitle')} />;
  }
  if (!access.may('create')) {
    return <ForbiddenPage title={t('activities.form.createTitle')} />;
  }
  return <ActivityCreateForm ownOrganiser={access.ownOrganiser} />;
}

function ActivityCreateForm({ ownOrganiser }: { ownOrganiser: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const { paths, setNotice, kinds } = useActivityFeature();
  const navigate = useNavigate();
  // A portal that registers one kind (webinars, say) starts with it chosen; outside the county the organiser is the user's own.
  const create = useCreateForm(
    {
      ...emptyActivityFormValues,
      kind: kinds?.length === 1 ? (kinds[0] ?? '') : '',
      organiserId: ownOrganiser?.id ?? '',
    },
    activityFormState,
  );
  const { form, guard, save } = create;
  const createActivity = useCreateActivity();

  const submit = async () => {
    const found = validateActivityForm(form.values);
    const created = await create.saveNew(found, toActivityCreate(form.values), (input) => trySave(createActivity.mutateAsync(input)));
    if (!created) return;
    setNotice('created');
    await navigate({ to: paths.detail, params: { id: created.id } });
  };

  return (
    <Page title={t('activities.form.createTitle')}>
      <ActivityForm
        values={form.values}
        onChange={form.setValues}
        errors={form.errors}
        submitCount={form.submitCount}
        initialOrganiser={ownOrganiser}
        ownOrganiser={ownOrganiser}
        notice={<FailureAlert title={t('activities.form.saveFailed')} message={save.failure} />}
        submitLabel={t('activities.form.submitCreate')}
        submitting={createActivity.isPending}
        onSubmit={() => void submit()}
        cancel={
          <CancelLink to={paths.list} />
        }
      />
      {guard.dialog}
    </Page>
  );
}
