import { actorQueries } from '@kompetansebro/api-client';
import type { ActorDetail } from '@kompetansebro/domain';
import { CancelLink, ForbiddenPage, Page } from '@kompetansebro/ui';
import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';
import { useCanEditActors, useCanUpdateActors } from './use-can-edit-actors';
import { ActorForm } from './actor-form';
import { useActorEdit } from './use-actor-edit';

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
  const { edit, notice, submit, submitting } = useActorEdit(actor, {
    contactOnly: !canEdit,
    onSaved: async () => {
      setNotice('saved');
      await navigate({ to: paths.detail, params: { id: actor.id } });
    },
  });
  const { form, base: baseActor } = edit;

  const title = t('actors.form.editTitle', { name: baseActor.name });
  if (!canEdit && !canUpdate) {
    return <ForbiddenPage title={title} />;
  }

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
        submitting={submitting}
        onSubmit={(parentKind) => void submit(parentKind)}
        cancel={<CancelLink to={paths.detail} id={actor.id} />}
      />
      {edit.guard.dialog}
    </Page>
  );
}
