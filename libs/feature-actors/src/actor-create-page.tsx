import { trySave, useCreateActor } from '@kompetansebro/api-client';
import { Alert, buttonLinkProps, httpErrorText, Page, useUnsavedChangesGuard } from '@kompetansebro/ui';
import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors } from './use-can-edit-actors';
import { ActorForm } from './actor-form';
import { emptyActorFormValues, toActorCreate, validateActorForm } from './actor-form-values';
import { useActorFormState } from './use-actor-form-state';

/** "Ny aktør": the empty form; on success, the new actor's page with a short confirmation. */
export function ActorCreatePage() {
  const { t } = useTranslation();
  const { paths, setNotice } = useActorFeature();
  const canEdit = useCanEditActors();
  const navigate = useNavigate();
  const form = useActorFormState(emptyActorFormValues);
  const createActor = useCreateActor();
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);
  const [failureMessage, setFailureMessage] = useState<string | null>(null);

  if (!canEdit) {
    return (
      <Page title={t('actors.form.createTitle')}>
        <Alert color="warning">{t('errors.forbidden')}</Alert>
      </Page>
    );
  }

  const submit = async (parentKind: Parameters<typeof validateActorForm>[1]) => {
    setFailureMessage(null);
    const found = validateActorForm(form.values, parentKind);
    form.showErrors(found);
    const input = toActorCreate(form.values);
    if (found.length > 0 || !input) return;
    const result = await trySave(createActor.mutateAsync(input));
    if (result.ok) {
      guard.allowNavigation();
      setNotice('created');
      await navigate({ to: paths.detail, params: { id: result.data.id } });
    } else if (result.kind === 'fields') form.showErrors(result.errors);
    else setFailureMessage(result.kind === 'other' ? httpErrorText(t, result.status) : t('errors.conflict'));
  };

  return (
    <Page title={t('actors.form.createTitle')}>
      <ActorForm
        values={form.values}
        onChange={form.setField}
        errors={form.errors}
        submitCount={form.submitCount}
        initialParent={null}
        notice={
          failureMessage && (
            <Alert color="danger" role="alert" heading={t('actors.form.saveFailed')}>
              {failureMessage}
            </Alert>
          )
        }
        submitLabel={t('actors.form.submitCreate')}
        submitting={createActor.isPending}
        onSubmit={(parentKind) => void submit(parentKind)}
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
