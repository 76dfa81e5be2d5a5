import { actorQueries } from '@kompetansebro/api-client';
import type { ActorDetail } from '@kompetansebro/domain';
import { Alert, LoadingState, QueryError } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActorForm } from './actor-form';
import type { ActorFormField } from './actor-form-values';
import { useActorEdit } from './use-actor-edit';

/**
 * An organisation's own record kept on a page of its own (a study centre's profile): the actor
 * form's contact-only mode — address, contact details and description, what a partner may change —
 * saved in place. Another feature's screen shows it as the app passes it (feature libs import no other).
 */
export function OwnActorForm({ actorId }: { actorId: string }) {
  const { t } = useTranslation();
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  const actor = useQuery({ ...actorQueries.detail(actorId), refetchOnWindowFocus: false });
  const [saved, setSaved] = useState<ActorDetail | null>(null);
  const [savedShown, setSavedShown] = useState(false);
  const hideSaved = useCallback(() => setSavedShown(false), []);
  if (actor.isPending) return <LoadingState />;
  if (actor.isError) return <QueryError error={actor.error} onRetry={() => void actor.refetch()} headingLevel={3} />;
  const onSaved = (record: ActorDetail) => {
    setSaved(record);
    setSavedShown(true);
  };
  return (
    <>
      {/* After a save the form starts again from the saved version; until then it keeps the one loaded. */}
      <OwnActorEditForm key={saved ? `saved-${saved.version}` : 'loaded'} actor={saved ?? actor.data} onSaved={onSaved} onEdit={hideSaved} />
      {/* Under the button, where the user is; there before it says anything, so a screen reader announces it. Said until the user changes something again. */}
      <div role="status">{savedShown && <Alert color="success">{t('actors.detail.saved')}</Alert>}</div>
    </>
  );
}

function OwnActorEditForm({ actor, onSaved, onEdit }: { actor: ActorDetail; onSaved: (saved: ActorDetail) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const { edit, notice, submit, submitting } = useActorEdit(actor, { contactOnly: true, onSaved });
  const { form } = edit;
  const { setField } = form;
  const change = useCallback(
    (field: ActorFormField, value: string) => {
      setField(field, value);
      onEdit();
    },
    [setField, onEdit],
  );
  return (
    <>
      <ActorForm
        values={form.values}
        onChange={change}
        errors={form.errors}
        contactOnly
        submitCount={form.submitCount}
        initialParent={null}
        notice={notice}
        submitLabel={t('actors.form.submitEdit')}
        submitting={submitting}
        onSubmit={(parentKind) => void submit(parentKind)}
        cancel={null}
      />
      {edit.guard.dialog}
    </>
  );
}
