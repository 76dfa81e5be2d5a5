import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './alert';
import { Button } from './button';
import { ChangesTable } from './changes-table';

/** One field someone else changed, as the stale-save notice lists it: their saved value beside the one now in the form. */
export interface StaleSaveChange<F extends string = string> {
  field: F;
  theirs: string;
  yours: string;
}

/**
 * Where a form stands after a save met 412 (someone else saved first): not at all, detected,
 * loading the latest version, failed to load it, or merged with the fields the other person changed.
 */
export type StaleSaveState<F extends string = string> =
  | { status: 'none' }
  | { status: 'detected' }
  | { status: 'loading' }
  | { status: 'failed' }
  | { status: 'merged'; changes: StaleSaveChange<F>[] };

interface StaleSaveNoticeProps<F extends string> {
  conflict: StaleSaveState<F>;
  /** The label of a field, as the form shows it. */
  fieldLabel: (field: F) => string;
  /** Loads the latest version and merges it into the form. */
  onLoadLatest: () => void;
  /** The level of the "what changed" heading, one below the form's own heading. */
  changesHeadingLevel?: 3 | 4 | 5;
  /** Shown first once the latest version is merged (e.g. that the record was archived meanwhile). */
  mergedNote?: ReactNode;
}

/** The notice a form shows when someone else saved first: what happened, loading their version, and what they changed. */
export function StaleSaveNotice<F extends string>({ conflict, fieldLabel, onLoadLatest, changesHeadingLevel = 3, mergedNote }: StaleSaveNoticeProps<F>) {
  const { t } = useTranslation();
  if (conflict.status === 'none') return null;
  const ChangesHeading = `h${changesHeadingLevel}` as const;
  // A field both now hold alike (theirs taken in, or the same value typed) is nothing to choose between.
  const changes = conflict.status === 'merged' ? conflict.changes : [];
  const differing = changes.filter((change) => change.theirs !== change.yours);
  const takenIn = changes.filter((change) => change.theirs === change.yours);
  return (
    // The user is at the save button, often far below: each new state (not the loading one,
    // whose button keeps the focus) comes into view with the focus.
    <Alert color="warning" role="alert" heading={t('common.staleSave.title')} focusKey={conflict.status === 'loading' ? undefined : conflict}>
      <p className="ds-paragraph">{t('common.staleSave.body')}</p>
      {conflict.status === 'merged' ? (
        <>
          {mergedNote}
          {conflict.changes.length === 0 && <p className="ds-paragraph">{t('common.staleSave.noDifferences')}</p>}
          {differing.length > 0 && (
            <>
              <ChangesHeading className="ds-heading" data-size="2xs">
                {t('common.staleSave.changedTitle')}
              </ChangesHeading>
              <p className="ds-paragraph">{t('common.staleSave.changedIntro')}</p>
              <ChangesTable
                columns={[t('common.staleSave.field'), t('common.staleSave.theirValue'), t('common.staleSave.yourValue')]}
                rows={differing.map((change) => ({ key: change.field, label: fieldLabel(change.field), first: change.theirs, second: change.yours }))}
              />
            </>
          )}
          {takenIn.length > 0 && <p className="ds-paragraph">{t('common.staleSave.takenIn', { fields: takenIn.map((change) => fieldLabel(change.field)).join(', ') })}</p>}
        </>
      ) : (
        <>
          {conflict.status === 'failed' && <p className="ds-paragraph">{t('common.staleSave.loadFailed')}</p>}
          <Button variant="secondary" loading={conflict.status === 'loading'} onClick={onLoadLatest}>
            {conflict.status === 'loading' ? t('common.staleSave.loading') : t('common.staleSave.loadLatest')}
          </Button>
        </>
      )}
    </Alert>
  );
}
