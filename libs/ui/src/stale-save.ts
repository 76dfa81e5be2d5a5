import { useState } from 'react';
import type { StaleSaveChange, StaleSaveState } from './stale-save-notice';

/**
 * A save met 412 (someone else saved first): their version becomes the form's new base, and
 * every field the user changed keeps the user's value. Returns the merged values and the
 * fields the other person changed, for `StaleSaveNotice`.
 */
export function mergeTheirVersion<Values extends object, Field extends keyof Values & string>({
  yours,
  base,
  theirs,
  changedFields,
}: {
  /** What the form holds now. */
  yours: Values;
  /** The version the user started from. */
  base: Values;
  /** The version stored now. */
  theirs: Values;
  changedFields: (a: Values, b: Values) => Field[];
}): { merged: Values; changedByThem: Field[] } {
  const changedByThem = changedFields(theirs, base);
  const changedByUser = new Set(changedFields(yours, base));
  const merged = { ...yours };
  for (const field of changedByThem) if (!changedByUser.has(field)) merged[field] = theirs[field];
  return { merged, changedByThem };
}

/**
 * Where a form stands after a stale save, for `StaleSaveNotice`: `detected()` when the save
 * answers `{ kind: 'stale' }` (api-client's `trySave`), then `loadLatest(load)` when the user
 * asks for their version; `load` fetches it, merges it (`mergeTheirVersion`) and returns the
 * changes to list. A failed load says so and keeps the input.
 *
 *   const stale = useStaleSave<ActorFormField>();
 *   if (result.kind === 'stale') stale.detected();
 *   <StaleSaveNotice conflict={stale.conflict} fieldLabel={label} onLoadLatest={() => void stale.loadLatest(loadTheirs)} />
 */
export function useStaleSave<Field extends string>() {
  const [conflict, setConflict] = useState<StaleSaveState<Field>>({ status: 'none' });
  const loadLatest = async (load: () => Promise<StaleSaveChange<Field>[]>) => {
    setConflict({ status: 'loading' });
    try {
      setConflict({ status: 'merged', changes: await load() });
    } catch {
      setConflict({ status: 'failed' });
    }
  };
  return { conflict, detected: () => setConflict({ status: 'detected' }), loadLatest };
}
