import { ApiError, useRequestPasswordReset } from '@kompetansebro/api-client';
import { passwordResetRequestSchema } from '@kompetansebro/domain';
import { Alert, bindFields, httpErrorText, Page, TextField } from '@kompetansebro/ui';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from './auth-form';
import { useFormErrors } from './form-errors';
import { LOGIN_PATH } from './auth-paths';

const fieldId = () => 'forgot-email';

/**
 * "Glemt passord": asks the API to e-mail a one-time link. The answer is the same whether or
 * not the address has an account, and so is what the page says.
 */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const [values, setValues] = useState({ email: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useFormErrors<'email'>(fieldId);

  const field = bindFields({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf: fieldId,
    labelOf: () => t('auth.forgot.email'),
    errorAt: form.messageOf,
  });

  const submit = () => {
    const address = values.email.trim();
    if (address === '') return form.show([{ field: 'email', message: t('auth.login.emailRequired') }]);
    if (!passwordResetRequestSchema.safeParse({ email: address }).success) {
      return form.show([{ field: 'email', message: t('validation.invalid_format.email') }]);
    }
    form.show([]);
    request.mutate({ email: address }, { onSuccess: () => setSentTo(address) });
  };

  return (
    <Page title={t('auth.forgot.title')}>
      <div className="kb-auth kb-stack">
        {/* Polite: the message appears where the form was, and focus stays where it is. */}
        <div role="status">
          {sentTo && (
            <Alert color="success" heading={t('auth.forgot.sentTitle')}>
              {t('auth.forgot.sent', { email: sentTo })}
            </Alert>
          )}
        </div>
        {!sentTo && (
          <>
            <p className="ds-paragraph">{t('auth.forgot.intro')}</p>
            <AuthForm
              errors={form}
              busy={request.isPending}
              failure={request.isError && (request.error instanceof ApiError ? httpErrorText(t, request.error.status) : t('errors.unknown'))}
              failureTitle={t('auth.forgot.failed')}
              submitLabel={t('auth.forgot.submit')}
              onSubmit={submit}
            >
              <TextField {...field('email')} type="email" autoComplete="email" spellCheck={false} />
            </AuthForm>
          </>
        )}
        <p className="ds-paragraph">
          <Link className="ds-link" to={LOGIN_PATH}>
            {t('auth.forgot.backToLogin')}
          </Link>
        </p>
      </div>
    </Page>
  );
}
