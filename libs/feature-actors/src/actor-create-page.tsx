import { trySave, useCreateActor } from '@kompetansebro/api-client';
import { CancelLink, FailureAlert, ForbiddenPage, Page, useCreateForm } from '@kompetansebro/ui';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors } from './use-can-edit-actors';
import { ActorForm } from './actor-form';
import { actorFormState, emptyActorFormValues, toActorCreate, validateActorForm } from './actor-form-values';

/** "Ny aktør": the empty form; on success, the new actor's page with a short confirmation. */
export function ActorCreatePage() {
  const { t } = useTranslation();
  const { paths, setNotice } = useActorFeature();
  const canEdit = useCanEditActors();
  const navigate = useNavigate();
  const create = useCreateForm(emptyActorFormValues, actorFormState);
  const { form, guard, save } = create;
  const createActor = useCreateActor();

  if (!canEdit) {
    return <ForbiddenPage title={t('actors.form.createTitle')} />;
  }

  const submit = async (parentKind: Parameters<typeof validateActorForm>[1]) => {
    const found = validateActorForm(form.values, parentKind);
    const created = await create.saveNew(found, toActorCreate(form.values), (input) => trySave(createActor.mutateAsync(input)));
    if (!created) return;
    setNotice('created');
    await navigate({ to: paths.detail, params: { id: created.id } });
  };

  return (
    <Page title={t('actors.form.createTitle')}>
      <ActorForm
        values={form.values}
        onChange={form.setField}
        errors={form.errors}
        submitCount={form.submitCount}
        initialParent={null}
        notice={<FailureAlert title={t('actors.form.saveFailed')} message={save.failure} />}
        submitLabel={t('actors.form.submitCreate')}
        submitting={createActor.isPending}
        onSubmit={(parentKind) => void submit(parentKind)}
        cancel={
          <CancelLink to={paths.list} />
        }
      />
      {guard.dialog}
    </Page>
  );
}
