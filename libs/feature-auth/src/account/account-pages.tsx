import { accountQueries, ApiError, meQueries, useChangePassword, useSaveNotificationSettings, useUpdateProfile } from '@kompetansebro/api-client';
import { accountErrorCodes, inboxMailChoices, type InboxMail } from '@kompetansebro/domain';
import { Alert, bindFields, Fact, fieldErrorText, httpErrorText, LoadingState, Page, QueryError, TextField } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { Link, useRouter } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AuthForm } from '../auth-form';
import { useFormErrors } from '../form-errors';
import { NOTIFICATIONS_PATH, PASSWORD_PATH, PROFILE_PATH } from './account-paths';

/** The account's pages share a frame: the page, and links to its other two. */
function AccountPage({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Page title={title}>
      <nav aria-label={t('account.pages.nav')}>
        <ul className="kb-cluster kb-plain-list">
          <li>
            <Link className="ds-link" to={PROFILE_PATH} activeOptions={{ exact: true }}>
              {t('account.menu.profile')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to={PASSWORD_PATH}>
              {t('account.menu.password')}
            </Link>
          </li>
          <li>
            <Link className="ds-link" to={NOTIFICATIONS_PATH}>
              {t('account.menu.notifications')}
            </Link>
          </li>
        </ul>
      </nav>
      <div className="kb-auth kb-stack">{children}</div>
    </Page>
  );
}

/** What went wrong that no field is to blame for, in the user's language. */
const failureOf = (t: TFunction, error: unknown): string => (error instanceof ApiError ? httpErrorText(t, error.status) : t('errors.unknown'));

/** "Min konto": name (editable) and e-mail (shown: it is the login, the county changes it), and the organisations. */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useQuery(meQueries.current());
  const update = useUpdateProfile();
  const router = useRouter();
  const [name, setName] = useState('');
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useFormErrors(() => 'profile-name');
  const user = me.data?.user;
  useEffect(() => {
    if (user) setName(user.name);
  }, [user]);
  if (!me.data) return <LoadingState />;

  const submit = async () => {
    setDone(false);
    setFailure(null);
    if (name.trim().length < 2) {
      form.show([{ field: 'name', message: t('validation.required') }]);
      return;
    }
    form.show([]);
    try {
      await update.mutateAsync({ name: name.trim() });
      // The header reads `me` from the router's context: read it again, so the user menu says the new name.
      await router.invalidate();
      setDone(true);
    } catch (error) {
      const fieldError = error instanceof ApiError && error.status === 400 ? error.problem.errors?.find((e) => e.path === 'name') : undefined;
      if (fieldError) form.show([{ field: 'name', message: fieldErrorText(t, fieldError, name) }]);
      else setFailure(failureOf(t, error));
    }
  };

  return (
    <AccountPage title={t('account.profile.title')}>
      <div role="status">{done && <Alert color="success">{t('account.profile.saved')}</Alert>}</div>
      <dl className="kb-facts">
        <Fact label={t('account.profile.email')}>{me.data.user.email}</Fact>
        <Fact label={t('account.profile.organisations')}>{me.data.memberships.map((m) => m.organisationName).join(', ')}</Fact>
      </dl>
      <p className="ds-paragraph">{t('account.profile.emailHint')}</p>
      <AuthForm errors={form} busy={update.isPending} failure={failure} failureTitle={t('errors.unknown')} submitLabel={t('account.profile.save')} onSubmit={submit}>
        <TextField id="profile-name" name="name" label={t('account.profile.name')} value={name} onChange={(event) => setName(event.target.value)} error={form.messageOf('name')} autoComplete="name" />
      </AuthForm>
    </AccountPage>
  );
}

type PasswordField = 'currentPassword' | 'newPassword';

/** "Bytt passord": the current one, and a new one by the password policy (the API's; a weak one is refused beside its field). */
export function PasswordPage() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: '', newPassword: '' });
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useFormErrors((field: PasswordField) => `password-${field}`);

  const submit = async () => {
    setDone(false);
    setFailure(null);
    const missing = (['currentPassword', 'newPassword'] as const).filter((field) => values[field] === '');
    form.show(missing.map((field) => ({ field, message: t('validation.required') })));
    if (missing.length > 0) return;
    try {
      await change.mutateAsync(values);
      setValues({ currentPassword: '', newPassword: '' });
      setDone(true);
    } catch (error) {
      const errors = error instanceof ApiError && error.status === 400 ? (error.problem.errors ?? []) : [];
      const shown = errors
        .filter((e): e is typeof e & { path: PasswordField } => e.path === 'currentPassword' || e.path === 'newPassword')
        .map((e) => ({
          field: e.path,
          message: e.code === accountErrorCodes.currentPasswordWrong ? t('account.password.currentWrong') : fieldErrorText(t, e, values[e.path]),
        }));
      if (shown.length > 0) form.show(shown);
      else setFailure(failureOf(t, error));
    }
  };

  const field = bindFields({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf: (name: PasswordField) => `password-${name}`,
    labelOf: (name) => (name === 'currentPassword' ? t('account.password.current') : t('account.password.new')),
    helpOf: (name) => (name === 'newPassword' ? t('account.password.newHint') : undefined),
    errorAt: form.messageOf,
  });

  return (
    <AccountPage title={t('account.password.title')}>
      <div role="status">{done && <Alert color="success">{t('account.password.saved')}</Alert>}</div>
      <AuthForm errors={form} busy={change.isPending} failure={failure} failureTitle={t('errors.unknown')} submitLabel={t('account.password.save')} onSubmit={submit}>
        <TextField {...field('currentPassword')} type="password" autoComplete="current-password" />
        <TextField {...field('newPassword')} type="password" autoComplete="new-password" />
      </AuthForm>
    </AccountPage>
  );
}

/** "Varsler": e-mail about the inbox at once, as a daily digest, or never. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const settings = useQuery(accountQueries.notificationSettings());
  const save = useSaveNotificationSettings();
  const [choice, setChoice] = useState<InboxMail | null>(null);
  const [done, setDone] = useState(false);
  const chosen = choice ?? settings.data?.inboxMail ?? null;

  if (!chosen) {
    return (
      <AccountPage title={t('account.notifications.title')}>
        {settings.isError ? <QueryError error={settings.error} onRetry={() => void settings.refetch()} /> : <LoadingState />}
      </AccountPage>
    );
  }

  const submit = async () => {
    setDone(false);
    await save.mutateAsync({ inboxMail: chosen }).then(() => setDone(true), () => undefined);
  };

  return (
    <AccountPage title={t('account.notifications.title')}>
      <div role="status">{done && <Alert color="success">{t('account.notifications.saved')}</Alert>}</div>
      <AuthForm
        errors={{ summary: [], submitCount: 0 }}
        busy={save.isPending}
        failure={save.isError && failureOf(t, save.error)}
        failureTitle={t('errors.unknown')}
        submitLabel={t('account.notifications.save')}
        onSubmit={submit}
      >
        <fieldset className="ds-fieldset">
          <legend className="ds-label">{t('account.notifications.legend')}</legend>
          {inboxMailChoices.map((value) => (
            <div className="ds-field" key={value}>
              <input
                className="ds-input"
                type="radio"
                id={`inbox-mail-${value}`}
                name="inboxMail"
                value={value}
                checked={chosen === value}
                onChange={() => setChoice(value)}
                aria-describedby={`inbox-mail-${value}-hint`}
              />
              <label className="ds-label" data-weight="regular" htmlFor={`inbox-mail-${value}`}>
                {t(`account.notifications.${value}`)}
              </label>
              <div className="ds-field__description" id={`inbox-mail-${value}-hint`}>
                {t(`account.notifications.${value}Hint`)}
              </div>
            </div>
          ))}
        </fieldset>
      </AuthForm>
    </AccountPage>
  );
}
