import { actorQueries, municipalityQueries, trySave, useUpdateActor } from '@kompetansebro/api-client';
import { actorKindSchema, type ActorDetail, type ActorKind } from '@kompetansebro/domain';
import {
  Alert,
  buttonLinkProps,
  DetailPage,
  FailureAlert,
  mergeTheirVersion,
  Page,
  StaleSaveNotice,
  useFormState,
  useFormSubmit,
  useStaleSave,
  useUnsavedChangesGuard,
} from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors } from './use-can-edit-actors';
import { ActorForm } from './actor-form';
import { actorFormState, changedFields, formValuesFromActor, toActorUpdate, validateActorForm, type ActorFormField, type ActorFormValues } from './actor-form-values';

/** "Rediger": loads the actor, then the form over the version loaded. */
export function ActorEditPage() {
  const { t } = useTranslation();
  const { paths } = useActorFeature();
  const { id = '' } = useParams({ strict: false }) as { id?: string };
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  const actor = useQuery({ ...actorQueries.detail(id), refetchOnWindowFocus: false });

  return (
    <DetailPage
      result={actor}
      title={t('actors.form.editTitle', { name: t('actors.detail.titleFallback') })}
      notFound={t('actors.detail.notFound')}
      back={
        <Link className="ds-link" to={paths.list}>
          {t('actors.detail.backToList')}
        </Link>
      }
    >
      {(data) => <ActorEditForm key={data.id} actor={data} />}
    </DetailPage>
  );
}

function ActorEditForm({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const { paths, setNotice } = useActorFeature();
  const canEdit = useCanEditActors();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useQuery(municipalityQueries.list());
  const [baseActor, setBaseActor] = useState(actor);
  const form = useFormState(formValuesFromActor(actor), actorFormState);
  const updateActor = useUpdateActor(actor.id);
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);
  const stale = useStaleSave<ActorFormField>();
  const save = useFormSubmit({ showErrors: form.showErrors, onStale: stale.detected });

  const [nothingChanged, setNothingChanged] = useState(false);

  /** A stored value as a person reads it: names, not codes. */
  const describe = (field: ActorFormField, values: ActorFormValues, parentName: string | null): string => {
    const value = values[field];
    if (value.trim() === '') return t('common.notProvided');
    if (field === 'kind') {
      const kind = actorKindSchema.safeParse(value);
      return kind.success ? t(`actorKind.${kind.data}`) : value;
    }
    if (field === 'municipalityNumber') {
      return municipalities.data?.items.find((municipality) => municipality.number === value)?.name ?? value;
    }
    if (field === 'parentId') return parentName ?? value;
    return value;
  };

  /** Someone saved first: take their version as the new base, keep every field the user changed. */
  const loadLatest = () =>
    stale.loadLatest(async () => {
      const latest = await queryClient.fetchQuery({ ...actorQueries.detail(actor.id), staleTime: 0 });
      const latestValues = formValuesFromActor(latest);
      const { merged, changedByThem } = mergeTheirVersion({ yours: form.values, base: form.savedValues, theirs: latestValues, changedFields });
      const parentNames = new Map([
        [baseActor.parentId, baseActor.parentName],
        [latest.parentId, latest.parentName],
      ]);
      form.setValues(merged);
      form.setSavedValues(latestValues);
      setBaseActor(latest);
      return changedByThem.map((field) => ({
        field,
        theirs: describe(field, latestValues, latest.parentName),
        yours: describe(field, merged, parentNames.get(merged.parentId || null) ?? null),
      }));
    });

  const submit = async (parentKind: ActorKind | undefined) => {
    save.start();
    setNothingChanged(false);
    const found = validateActorForm(form.values, parentKind);
    form.showErrors(found);
    const changes = toActorUpdate(form.values, form.savedValues);
    if (found.length > 0 || !changes) return;
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return;
    }
    if (!save.settle(await trySave(updateActor.mutateAsync({ changes, version: baseActor.version })))) return;
    guard.allowNavigation();
    setNotice('saved');
    await navigate({ to: paths.detail, params: { id: actor.id } });
  };

  const title = t('actors.form.editTitle', { name: baseActor.name });
  if (!canEdit) {
    return (
      <Page title={title}>
        <Alert color="warning">{t('errors.forbidden')}</Alert>
      </Page>
    );
  }

  const notice = (
    <>
      <StaleSaveNotice conflict={stale.conflict} fieldLabel={(field) => t(`actorField.${field}.label`)} onLoadLatest={() => void loadLatest()} />
      <FailureAlert title={t('actors.form.saveFailed')} message={save.failure} />
      {nothingChanged && (
        <Alert color="info" role="status">
          {t('actors.form.noChanges')}
        </Alert>
      )}
    </>
  );

  return (
    <Page title={title}>
      <ActorForm
        values={form.values}
        onChange={form.setField}
        errors={form.errors}
        submitCount={form.submitCount}
        initialParent={baseActor.parentId && baseActor.parentName ? { id: baseActor.parentId, name: baseActor.parentName } : null}
        notice={notice}
        submitLabel={t('actors.form.submitEdit')}
        submitting={updateActor.isPending}
        onSubmit={(parentKind) => void submit(parentKind)}
        cancel={
          <Link to={paths.detail} params={{ id: actor.id }} {...buttonLinkProps('tertiary')}>
            {t('common.cancel')}
          </Link>
        }
      />
      {guard.dialog}
    </Page>
  );
}
