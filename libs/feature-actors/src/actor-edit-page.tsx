import { actorQueries, municipalityQueries, trySave, useUpdateActor } from '@kompetansebro/api-client';
import { actorKindSchema, type ActorDetail, type ActorKind } from '@kompetansebro/domain';
import { CancelLink, EditFormNotices, ForbiddenPage, Page, useEditForm } from '@kompetansebro/ui';
import { queryOptions, useQuery, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors, useCanUpdateActors } from './use-can-edit-actors';
import { ActorForm } from './actor-form';
import { actorContactFields, actorFormState, formValuesFromActor, toActorUpdate, validateActorForm, type ActorFormField, type ActorFormValues } from './actor-form-values';

/** The record the form edits, from the route's params: its route loads it before the form shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  return queryOptions({ ...actorQueries.detail(id), refetchOnWindowFocus: false });
}

/** "Rediger": loads the actor, then the form over the version loaded. */
export function ActorEditPage() {
  const actor = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  return <ActorEditForm key={actor.data.id} actor={actor.data} />;
}

function ActorEditForm({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const { paths, setNotice } = useActorFeature();
  const canEdit = useCanEditActors();
  const canUpdate = useCanUpdateActors();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const municipalities = useQuery(municipalityQueries.list());
  const edit = useEditForm(actor, { valuesOf: formValuesFromActor, ...actorFormState });
  const { form, base: baseActor } = edit;
  const updateActor = useUpdateActor(actor.id);

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
    edit.loadLatest(
      () => queryClient.fetchQuery({ ...actorQueries.detail(actor.id), staleTime: 0 }),
      ({ changedByThem, merged, theirs, latest, previous }) => {
        const parentNames = new Map([
          [previous.parentId, previous.parentName],
          [latest.parentId, latest.parentName],
        ]);
        // The contact-only form names only what it shows: the rest is not the user's to weigh.
        const shown = canEdit ? changedByThem : changedByThem.filter((field) => (actorContactFields as readonly string[]).includes(field));
        return shown.map((field) => ({
          field,
          theirs: describe(field, theirs, latest.parentName),
          yours: describe(field, merged, parentNames.get(merged.parentId || null) ?? null),
        }));
      },
    );

  const submit = async (parentKind: ActorKind | undefined) => {
    // In the contact-only form, a rule about a field it does not show is not the user's to fix.
    const found = validateActorForm(form.values, parentKind).filter((error) => canEdit || (actorContactFields as readonly string[]).includes(error.path));
    const changes = toActorUpdate(form.values, form.savedValues);
    if (!(await edit.saveChanges(found, changes, (changes, version) => trySave(updateActor.mutateAsync({ changes, version }))))) return;
    setNotice('saved');
    await navigate({ to: paths.detail, params: { id: actor.id } });
  };

  const title = t('actors.form.editTitle', { name: baseActor.name });
  if (!canEdit && !canUpdate) {
    return <ForbiddenPage title={title} />;
  }

  const notice = (
    <EditFormNotices
      edit={edit}
      fieldLabel={(field) => t(`actorField.${field}.label`)}
      onLoadLatest={() => void loadLatest()}
      saveFailed={t('actors.form.saveFailed')}
      noChanges={t('actors.form.noChanges')}
    />
  );

  return (
    <Page title={title}>
      <ActorForm
        values={form.values}
        onChange={form.setField}
        errors={form.errors}
        contactOnly={!canEdit}
        submitCount={form.submitCount}
        initialParent={baseActor.parentId && baseActor.parentName ? { id: baseActor.parentId, name: baseActor.parentName } : null}
        notice={notice}
        submitLabel={t('actors.form.submitEdit')}
        submitting={updateActor.isPending}
        onSubmit={(parentKind) => void submit(parentKind)}
        cancel={
          <CancelLink to={paths.detail} id={actor.id} />
        }
      />
      {edit.guard.dialog}
    </Page>
  );
}
