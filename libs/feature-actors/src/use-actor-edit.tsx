import { actorQueries, municipalityQueries, trySave, useUpdateActor } from '@kompetansebro/api-client';
import { actorKindSchema, type ActorDetail, type ActorKind } from '@kompetansebro/domain';
import { EditFormNotices, useEditForm } from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { actorContactFields, actorFormState, formValuesFromActor, toActorUpdate, validateActorForm, type ActorFormField, type ActorFormValues } from './actor-form-values';

const isContactField = (field: string) => (actorContactFields as readonly string[]).includes(field);

/**
 * The editing of an actor over the version loaded, for ActorForm: its values, the save of what
 * changed with that version, their version merged in after a stale save, and the notices above
 * the fields. `contactOnly`: the user changes only what a partner may (the domain's
 * actorFieldsPartnersChange), so a rule or a change of someone else's about another field is not shown.
 * `onSaved` gets the saved version.
 */
export function useActorEdit(actor: ActorDetail, { contactOnly, onSaved }: { contactOnly: boolean; onSaved: (saved: ActorDetail) => void | Promise<void> }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const municipalities = useQuery(municipalityQueries.list());
  const edit = useEditForm(actor, { valuesOf: formValuesFromActor, ...actorFormState });
  const { form } = edit;
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
        const shown = contactOnly ? changedByThem.filter(isContactField) : changedByThem;
        return shown.map((field) => ({
          field,
          theirs: describe(field, theirs, latest.parentName),
          yours: describe(field, merged, parentNames.get(merged.parentId || null) ?? null),
        }));
      },
    );

  const submit = async (parentKind: ActorKind | undefined) => {
    // In the contact-only form, a rule about a field it does not show is not the user's to fix.
    const found = validateActorForm(form.values, parentKind).filter((error) => !contactOnly || isContactField(error.path));
    const changes = toActorUpdate(form.values, form.savedValues);
    const result: { saved?: ActorDetail } = {};
    const send = (update: NonNullable<typeof changes>, version: number) =>
      trySave(
        updateActor.mutateAsync({ changes: update, version }).then((record) => {
          result.saved = record;
          return record;
        }),
      );
    if ((await edit.saveChanges(found, changes, send)) && result.saved) await onSaved(result.saved);
  };

  const notice = (
    <EditFormNotices
      edit={edit}
      fieldLabel={(field) => t(`actorField.${field}.label`)}
      onLoadLatest={() => void loadLatest()}
      saveFailed={t('actors.form.saveFailed')}
      noChanges={t('actors.form.noChanges')}
    />
  );

  return { edit, notice, submit, submitting: updateActor.isPending };
}
