import type { FieldError } from '@kompetansebro/domain';
import { useState } from 'react';
import { Alert } from './alert';
import { FailureAlert } from './failure-alert';
import { useFormState, useFormSubmit, type SaveOutcome } from './form-state';
import { mergeTheirVersion, useStaleSave } from './stale-save';
import { StaleSaveNotice, type StaleSaveChange, type StaleSaveState } from './stale-save-notice';
import { useUnsavedChangesGuard } from './use-unsaved-changes-guard';

interface EditFormOptions<Rec, Values, Field extends string> {
  /** The form's values for a version of the record. */
  valuesOf: (record: Rec) => Values;
  changedFields: (a: Values, b: Values) => Field[];
  valueAt: (values: Values, path: string) => string;
}

/** A stale save's merge, for the caller to say how each field the other person changed reads. */
export interface TheirVersion<Rec, Values, Field extends string> {
  changedByThem: Field[];
  /** The form's values now: theirs, with every field the user changed kept. */
  merged: Values;
  /** Their version's values. */
  theirs: Values;
  latest: Rec;
  /** The version the user started from. */
  previous: Rec;
}

/**
 * The edit form of a versioned record: its values over the version loaded, the unsaved-changes
 * guard, a save that sends only the changes with the version read (none: "nothing changed"),
 * and after a stale save (412) their version merged in with the user's changes kept.
 *
 *   const edit = useEditForm(actor, { valuesOf: formValuesFromActor, ...actorFormState });
 *   const saved = await edit.saveChanges(found, toActorUpdate(edit.form.values, edit.form.savedValues),
 *     (changes, version) => trySave(update.mutateAsync({ changes, version })));
 *   <EditFormNotices edit={edit} fieldLabel={...} onLoadLatest={...} saveFailed={...} noChanges={...} />
 */
export function useEditForm<Rec extends { version: number }, Values extends object, Field extends keyof Values & string>(
  record: Rec,
  { valuesOf, changedFields, valueAt }: EditFormOptions<Rec, Values, Field>,
) {
  const [base, setBase] = useState(record);
  const form = useFormState(valuesOf(record), { changedFields, valueAt });
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);
  const stale = useStaleSave<Field>();
  const save = useFormSubmit({ showErrors: form.showErrors, onStale: stale.detected });
  const [nothingChanged, setNothingChanged] = useState(false);

  /**
   * Checks and sends the changes: `found` are the form's own errors, `changes` what differs from
   * the version read (null: the values do not make a record). True when saved; the guard then
   * lets the user leave.
   */
  const saveChanges = async <Changes extends object, T>(
    found: readonly FieldError[],
    changes: Changes | null,
    send: (changes: Changes, version: number) => Promise<SaveOutcome<T>>,
  ): Promise<boolean> => {
    save.start();
    setNothingChanged(false);
    form.showErrors(found);
    if (found.length > 0 || !changes) return false;
    if (Object.keys(changes).length === 0) {
      setNothingChanged(true);
      return false;
    }
    if (!save.settle(await send(changes, base.version))) return false;
    guard.allowNavigation();
    return true;
  };

  /** Someone saved first: their version becomes the base; `describe` lists what they changed. */
  const loadLatest = (fetchLatest: () => Promise<Rec>, describe: (version: TheirVersion<Rec, Values, Field>) => StaleSaveChange<Field>[]) =>
    stale.loadLatest(async () => {
      const latest = await fetchLatest();
      const theirs = valuesOf(latest);
      const { merged, changedByThem } = mergeTheirVersion({ yours: form.values, base: form.savedValues, theirs, changedFields });
      form.setValues(merged);
      form.setSavedValues(theirs);
      setBase(latest);
      return describe({ changedByThem, merged, theirs, latest, previous: base });
    });

  return { base, form, guard, stale, save, nothingChanged, saveChanges, loadLatest };
}

/**
 * The form of a new record: its values, the unsaved-changes guard, and a save of the input once
 * the form's own checks pass.
 *
 *   const create = useCreateForm(emptyActorFormValues, actorFormState);
 *   const actor = await create.saveNew(found, toActorCreate(create.form.values), (input) => trySave(createActor.mutateAsync(input)));
 *   if (actor) navigate(...);
 */
export function useCreateForm<Values>(initial: Values, options: Omit<EditFormOptions<never, Values, string>, 'valuesOf'>) {
  const form = useFormState(initial, options);
  const guard = useUnsavedChangesGuard(form.hasUnsavedChanges);
  const save = useFormSubmit({ showErrors: form.showErrors });

  /**
   * Checks and sends: `found` are the form's own errors, `input` the record to create (null: the
   * values do not make one). Gives the created record (the guard then lets the user leave), or undefined.
   */
  const saveNew = async <Input, T>(found: readonly FieldError[], input: Input | null, send: (input: Input) => Promise<SaveOutcome<T>>): Promise<T | undefined> => {
    save.start();
    form.showErrors(found);
    if (found.length > 0 || input === null) return undefined;
    const result = await send(input);
    if (!save.settle(result)) return undefined;
    guard.allowNavigation();
    return result.data;
  };

  return { form, guard, save, saveNew };
}

interface EditFormNoticesProps<Field extends string> {
  /** The form's `useEditForm`. */
  edit: { stale: { conflict: StaleSaveState<Field> }; save: { failure: string | null }; nothingChanged: boolean };
  fieldLabel: (field: Field) => string;
  onLoadLatest: () => void;
  /** The heading of a failed save. */
  saveFailed: string;
  /** Said when the user saves without changing anything. */
  noChanges: string;
}

/** What an edit form says above its fields: someone else saved first, the save failed, nothing changed. */
export function EditFormNotices<Field extends string>({ edit, fieldLabel, onLoadLatest, saveFailed, noChanges }: EditFormNoticesProps<Field>) {
  return (
    <>
      <StaleSaveNotice conflict={edit.stale.conflict} fieldLabel={fieldLabel} onLoadLatest={onLoadLatest} />
      <FailureAlert title={saveFailed} message={edit.save.failure} />
      {edit.nothingChanged && (
        <Alert color="info" role="status">
          {noChanges}
        </Alert>
      )}
    </>
  );
}
