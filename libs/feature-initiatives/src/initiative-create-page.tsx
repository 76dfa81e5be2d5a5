import { trySave, useCreateInitiative } from '@kompetansebro/api-client';
import { CancelLink, DetailPendingPage, FailureAlert, ForbiddenPage, Page, useCreateForm } from '@kompetansebro/ui';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useInitiativeFeature } from './initiative-feature-context';
import { InitiativeForm } from './initiative-form';
import { emptyInitiativeFormValues, initiativeFormState, toInitiativeCreate, validateInitiativeForm } from './initiative-form-values';
import { useCanCreateInitiatives } from './use-can-edit-initiatives';
import './initiatives.css';

/** "Nytt tiltak": the empty form; on success, the new initiative's page with a short confirmation. */
export function InitiativeCreatePage() {
  const { t } = useTranslation();
  const access = useCanCreateInitiatives();
  if (!access.known) {
    return <DetailPendingPage title={t('initiatives.form.createTitle')} />;
  }
  if (!access.create) {
    return <ForbiddenPage title={t('initiatives.form.createTitle')} />;
  }
  return <InitiativeCreateForm />;
}

function InitiativeCreateForm() {
  const { t } = useTranslation();
  const { paths, setNotice } = useInitiativeFeature();
  const navigate = useNavigate();
  const create = useCreateForm(emptyInitiativeFormValues, initiativeFormState);
  const { form, guard, save } = create;
  const createInitiative = useCreateInitiative();

  const submit = async () => {
    const found = validateInitiativeForm(form.values);
    const created = await create.saveNew(found, toInitiativeCreate(form.values), (input) => trySave(createInitiative.mutateAsync(input)));
    if (!created) return;
    setNotice('created');
    await navigate({ to: paths.detail, params: { id: created.id } });
  };

  return (
    <Page title={t('initiatives.form.createTitle')}>
      <InitiativeForm
        values={form.values}
        onChange={form.setValues}
        errors={form.errors}
        submitCount={form.submitCount}
        notice={<FailureAlert title={t('initiatives.form.saveFailed')} message={save.failure} />}
        submitLabel={t('initiatives.form.submitCreate')}
        submitting={createInitiative.isPending}
        onSubmit={() => void submit()}
        cancel={<CancelLink to={paths.list} />}
      />
      {guard.dialog}
    </Page>
  );
}
