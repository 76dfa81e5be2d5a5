import { ConfirmDialog } from './confirm-dialog';
import { useBlocker } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Asks before leaving a form with unsaved changes: a dialog for navigation inside the app,
 * the browser's own question for closing or reloading the tab. Call `allowNavigation()` just
 * before navigating away on purpose (after a save).
 */
export function useUnsavedChangesGuard(hasUnsavedChanges: boolean) {
  const { t } = useTranslation();
  const unsavedRef = useRef(hasUnsavedChanges);
  unsavedRef.current = hasUnsavedChanges;
  const allowedRef = useRef(false);

  const blocker = useBlocker({
    shouldBlockFn: () => unsavedRef.current && !allowedRef.current,
    enableBeforeUnload: () => unsavedRef.current && !allowedRef.current,
    withResolver: true,
  });

  const dialog = (
    <ConfirmDialog
      open={blocker.status === 'blocked'}
      title={t('actors.form.leave.title')}
      confirmLabel={t('actors.form.leave.leave')}
      cancelLabel={t('actors.form.leave.stay')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      {t('actors.form.leave.body')}
    </ConfirmDialog>
  );

  return {
    dialog,
    allowNavigation: () => {
      allowedRef.current = true;
    },
  };
}
