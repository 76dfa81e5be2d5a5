import { ApiError, useResetPassword } from '@kompetansebro/api-client';
import { accountErrorCodes, newPasswordSchema } from '@kompetansebro/domain';
import { Alert, bindFields, fieldErrorText, httpErrorText, Page, TextField } from '@kompetansebro/ui';
import { Link, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from './auth-form';
import { useFormErrors, type FormError } from './form-errors';
import { FORGOT_PASSWORD_PATH, LOGIN_PATH, parseResetSearch } from './auth-paths';

type ResetField = 'password' | 'confirm';
const fieldId = (field: ResetField) => `reset-${field}`;

/** The rules the API applies to a new password (at least 12 characters), and the two fields alike. */
export function validateNewPassword(t: TFunction, values: Record<ResetField, string>): FormError<ResetField>[] {
  const errors: FormError<ResetField>[] = [];
  const parsed = newPasswordSchema.safeParse(values.password);
  const issue = parsed.success ? undefined : parsed.error.issues[0];
  if (issue) {
    const params: Record<string, string | number> = { origin: 'string' };
    if ('minimum' in issue && typeof issue.minimum === 'number') params['minimum'] = issue.minimum;
    if ('maximum' in issue && typeof issue.maximum === 'number') params['maximum'] = issue.maximum;
    errors.push({ field: 'password', message: fieldErrorText(t, { path: 'password', code: issue.code, message: issue.message, params }, values.password) });
  }
  if (values.confirm === '' && values.password !== '') {
    errors.push({ field: 'confirm', message: t('validation.required') });
  } else if (values.confirm !== values.password) {
    errors.push({ field: 'confirm', message: t('validation.password_mismatch') });
  }
  return errors;
}

type Outcome = { status: 'editing' } | { status: 'done' } | { status: 'tokenRefused' } | { status: 'failed'; message: string };

/**
 * "Lag nytt passord", from the e-mailed link (`?token=…`): for a forgotten password, and for an
 * invited user's first one. A used or expired link says so and offers a new one.
 */
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token } = parseResetSearch(useSearch({ strict: false }));
  const reset = useResetPassword();
  const [values, setValues] = useState<Record<ResetField, string>>({ password: '', confirm: '' });
  const form = useFormErrors(fieldId);
  const [outcome, setOutcome] = useState<Outcome>({ status: 'editing' });

  const requestNew = (
    <Link className="ds-link" to={FORGOT_PASSWORD_PATH}>
      {t('auth.reset.requestNew')}
    </Link>
  );

  if (!token || outcome.status === 'tokenRefused') {
    return (
      <Page title={t('auth.reset.title')}>
        <div className="kb-auth kb-stack">
          <Alert color="warning" role={token ? 'alert' : undefined}>
            <p className="ds-paragraph">{token ? t('validation.reset_token_invalid') : t('auth.reset.missingToken')}</p>
            <p className="ds-paragraph">{requestNew}</p>
          </Alert>
        </div>
      </Page>
    );
  }

  const submit = async () => {
    const found = validateNewPassword(t, values);
    form.show(found);
    if (found.length > 0) return;
    try {
      await reset.mutateAsync({ token, password: values.password });
      setOutcome({ status: 'done' });
    } catch (error) {
      const errors = error instanceof ApiError && error.status === 400 ? (error.problem.errors ?? []) : [];
      if (errors.some((fieldError) => fieldError.path === 'token' || fieldError.code === accountErrorCodes.resetTokenInvalid)) {
        setOutcome({ status: 'tokenRefused' });
        return;
      }
      const passwordError = errors.find((fieldError) => fieldError.path === 'password');
      if (passwordError) {
        form.show([{ field: 'password', message: fieldErrorText(t, passwordError, values.password) }]);
        setOutcome({ status: 'editing' });
        return;
      }
      setOutcome({ status: 'failed', message: error instanceof ApiError ? httpErrorText(t, error.status) : t('errors.unknown') });
    }
  };

  const field = bindFields({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf: fieldId,
    labelOf: (name) => t(`auth.reset.${name}`),
    helpOf: (name) => (name === 'password' ? t('auth.reset.passwordHelp') : undefined),
    errorAt: form.messageOf,
  });

  return (
    <Page title={t('auth.reset.title')}>
      <div className="kb-auth kb-stack">
        <div role="status">
          {outcome.status === 'done' && (
            <Alert color="success" heading={t('auth.reset.doneTitle')}>
              <p className="ds-paragraph">{t('auth.reset.done')}</p>
              <p className="ds-paragraph">
                <Link className="ds-link" to={LOGIN_PATH}>
                  {t('auth.reset.goToLogin')}
                </Link>
              </p>
            </Alert>
          )}
        </div>
        {outcome.status !== 'done' && (
          <>
            <p className="ds-paragraph">{t('auth.reset.intro')}</p>
            <AuthForm
              errors={form}
              busy={reset.isPending}
              failure={outcome.status === 'failed' && outcome.message}
              failureTitle={t('auth.reset.failed')}
              submitLabel={t('auth.reset.submit')}
              onSubmit={submit}
            >
              <TextField {...field('password')} name="new-password" type="password" autoComplete="new-password" />
              <TextField {...field('confirm')} name="confirm-password" type="password" autoComplete="new-password" />
            </AuthForm>
          </>
        )}
      </div>
    </Page>
  );
}
