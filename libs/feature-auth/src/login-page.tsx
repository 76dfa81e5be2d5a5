import { ApiError, apiUrl, authProvidersQuery, oidcStartPath, useLogin } from '@kompetansebro/api-client';
import { appsOfMemberships, loginSchema, oidcLoginErrors, type OidcLoginError } from '@kompetansebro/domain';
import { Alert, AppNameContext, bindFields, fieldErrorText, httpErrorText, Page, TextField } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouter, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useContext, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from './auth-form';
import { useFormErrors, type FormError } from './form-errors';
import { CHOOSE_APP_PATH, FORGOT_PASSWORD_PATH, parseLoginSearch, safeReturnTo } from './auth-paths';

type LoginField = 'email' | 'password';
const fieldId = (field: LoginField) => `login-${field}`;

/** "12 minutter": how long to wait, from a 429's Retry-After (seconds). */
export function waitText(t: TFunction, seconds: number): string {
  return seconds < 60 ? t('auth.wait.seconds', { count: Math.max(1, seconds) }) : t('auth.wait.minutes', { count: Math.ceil(seconds / 60) });
}

/** What the form checks before sending: something in each field, an e-mail address that looks like one. */
export function validateLogin(t: TFunction, values: Record<LoginField, string>): FormError<LoginField>[] {
  const errors: FormError<LoginField>[] = [];
  const email = values.email.trim();
  if (email === '') errors.push({ field: 'email', message: t('auth.login.emailRequired') });
  else if (!loginSchema.shape.email.safeParse(email).success) errors.push({ field: 'email', message: t('validation.invalid_format.email') });
  if (values.password === '') errors.push({ field: 'password', message: t('auth.login.passwordRequired') });
  return errors;
}

/** Why the API did not log the user in, as a sentence (field errors go beside their fields instead). */
function failureText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.status === 401) return t('auth.login.wrongCredentials');
  if (error.status === 429) {
    return error.retryAfterSeconds !== null
      ? t('auth.login.tooManyAttempts', { wait: waitText(t, error.retryAfterSeconds) })
      : t('auth.login.tooManyAttemptsNoTime');
  }
  if (error.status === 403) return t('auth.login.noOrganisation');
  return httpErrorText(t, error.status);
}

const isOidcLoginError = (code: string | undefined): code is OidcLoginError => (oidcLoginErrors as readonly string[]).includes(code ?? '');

/**
 * "Logg inn": e-mail and password, and the identity provider's button when one is configured.
 * Afterwards the user goes back to where they were going (`returnTo`, a path in this app), or on
 * to their own app, or — with memberships in several apps — chooses where to work.
 */
export function LoginPage() {
  const { t } = useTranslation();
  const appName = useContext(AppNameContext);
  const router = useRouter();
  const navigate = useNavigate();
  const search = parseLoginSearch(useSearch({ strict: false }));
  const returnTo = safeReturnTo(search.returnTo);
  const login = useLogin();
  // Until the API offers it (or when it fails), only the password login is shown.
  const providers = useQuery(authProvidersQuery());
  const oidc = providers.data?.oidc ?? null;
  const providerName = oidc?.name ?? t('auth.login.oidcProviderFallback');

  const [values, setValues] = useState<Record<LoginField, string>>({ email: '', password: '' });
  const form = useFormErrors(fieldId);
  const [failure, setFailure] = useState<string | null>(null);

  const submit = async () => {
    setFailure(null);
    const found = validateLogin(t, values);
    form.show(found);
    if (found.length > 0) return;
    try {
      const me = await login.mutateAsync({ email: values.email.trim(), password: values.password });
      // Memberships in several apps: the user chooses; otherwise on (another app's user is taken to their own).
      await navigate({ href: appsOfMemberships(me.memberships).length > 1 ? CHOOSE_APP_PATH : returnTo, replace: true });
    } catch (error) {
      const fieldErrors =
        error instanceof ApiError && error.status === 400
          ? (error.problem.errors ?? []).filter((fieldError): fieldError is typeof fieldError & { path: LoginField } =>
              fieldError.path === 'email' || fieldError.path === 'password',
            )
          : [];
      if (fieldErrors.length > 0) {
        form.show(fieldErrors.map((fieldError) => ({ field: fieldError.path, message: fieldErrorText(t, fieldError, values[fieldError.path]) })));
      } else {
        setFailure(failureText(t, error));
      }
    }
  };

  const field = bindFields({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf: fieldId,
    labelOf: (name) => t(`auth.login.${name}`),
    errorAt: form.messageOf,
  });
  // The identity provider sends the browser back to this path (the app's base path included).
  const basePath = router.basepath === '/' ? '' : router.basepath.replace(/\/+$/, '');
  const oidcError = search.error === undefined ? null : isOidcLoginError(search.error) ? search.error : 'oidc_failed';

  return (
    <Page title={t('auth.login.title')}>
      <div className="kb-auth kb-stack">
        <p className="ds-paragraph">{t('auth.login.intro', { app: appName })}</p>
        {oidcError ? (
          <Alert color="danger" role="alert" heading={t('auth.login.failedTitle')}>
            {t(`auth.login.oidcErrors.${oidcError}`, { provider: providerName })}
          </Alert>
        ) : (
          search.returnTo && <Alert color="info">{t('auth.login.needed')}</Alert>
        )}

        <AuthForm
          errors={form}
          busy={login.isPending}
          failure={failure}
          failureTitle={t('auth.login.failedTitle')}
          submitLabel={t('auth.login.submit')}
          onSubmit={submit}
          after={
            <p className="ds-paragraph">
              <Link className="ds-link" to={FORGOT_PASSWORD_PATH}>
                {t('auth.login.forgotPassword')}
              </Link>
            </p>
          }
        >
          <TextField {...field('email')} type="email" autoComplete="username" spellCheck={false} />
          <TextField {...field('password')} type="password" autoComplete="current-password" />
        </AuthForm>

        {oidc && (
          <section className="kb-auth__alternatives" aria-labelledby="login-alternatives">
            <h2 className="ds-heading" data-size="xs" id="login-alternatives">
              {t('auth.login.otherWays')}
            </h2>
            <p>
              {/* A link, not a form: the browser leaves for the identity provider and comes back. */}
              <a className="ds-button" data-variant="secondary" href={apiUrl(oidcStartPath(`${basePath}${returnTo}`))}>
                {t('auth.login.oidc', { provider: oidc.name })}
              </a>
            </p>
          </section>
        )}
      </div>
    </Page>
  );
}
