import { accountQueries, useLogout, useSwitchOrganisation } from '@kompetansebro/api-client';
import { compareNorwegian, type Me } from '@kompetansebro/domain';
import { DisclosureMenu, LanguageSwitch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INBOX_PATH, NOTIFICATIONS_PATH, PASSWORD_PATH, PROFILE_PATH } from './account/account-paths';
import { LOGIN_PATH } from './auth-paths';

export { HeaderSearch } from './header-search';

/** The inbox in the header: a link, with how many things wait as a badge (and in its name). */
function InboxLink() {
  const { t } = useTranslation();
  const inbox = useQuery(accountQueries.inbox());
  const total = inbox.data?.total ?? 0;
  return (
    <Link
      to={INBOX_PATH}
      className="ds-button kb-inbox-link"
      data-variant="tertiary"
      data-size="sm"
      aria-label={total > 0 ? t('account.inbox.linkWithCount', { count: total }) : undefined}
    >
      {t('account.inbox.link')}
      {total > 0 && <span className="ds-badge" data-color="danger" data-count={total > 99 ? '99+' : String(total)} aria-hidden="true" />}
    </Link>
  );
}

/** An e-mail address that may break after its "@" (not mid-word) where the menu is narrow. */
function BreakableEmail({ email }: { email: string }) {
  const at = email.lastIndexOf('@') + 1;
  return (
    <>
      {email.slice(0, at)}
      <wbr />
      {email.slice(at)}
    </>
  );
}

/**
 * The header's user area: the inbox, the organisation the user acts for (a menu to switch when
 * they belong to several), and the user menu — profile, password, notifications, language, log out.
 */
export function UserArea({ me }: { me: Me }) {
  const { t } = useTranslation();
  const router = useRouter();
  const navigate = useNavigate();
  const logout = useLogout();
  const switchOrganisation = useSwitchOrganisation();
  // Said politely after a switch, without moving focus.
  const [announcement, setAnnouncement] = useState('');

  const memberships = [...me.memberships].sort((a, b) => compareNorwegian(a.organisationName, b.organisationName));
  const active = memberships.find((membership) => membership.organisationId === me.activeOrganisationId);

  const switchTo = (organisationId: string) => {
    if (organisationId === me.activeOrganisationId) return;
    switchOrganisation.mutate(
      { organisationId },
      {
        onSuccess: async (next) => {
          // Everyone below the root reads `me` from the router's context: read it again.
          await router.invalidate();
          const name = next.memberships.find((membership) => membership.organisationId === next.activeOrganisationId)?.organisationName ?? '';
          setAnnouncement(t('shell.user.switched', { organisation: name }));
        },
      },
    );
  };

  const logOut = () => {
    logout.mutate(undefined, { onSuccess: () => void navigate({ to: LOGIN_PATH }) });
  };

  return (
    <>
      <InboxLink />
      {memberships.length > 1 ? (
        <DisclosureMenu
          button={active?.organisationName}
          label={`${t('shell.user.switchLabel')}: ${active?.organisationName ?? ''}`}
          align="end"
          className="kb-header__organisation-menu"
        >
          <h2>{t('account.menu.organisation')}</h2>
          <ul>
            {memberships.map((membership) => (
              <li key={membership.organisationId}>
                <button
                  type="button"
                  className="ds-button"
                  data-variant="tertiary"
                  data-closes
                  aria-current={membership.organisationId === me.activeOrganisationId || undefined}
                  onClick={() => switchTo(membership.organisationId)}
                >
                  {membership.organisationName}
                  {membership.organisationId === me.activeOrganisationId && ` ${t('account.menu.current')}`}
                </button>
              </li>
            ))}
          </ul>
        </DisclosureMenu>
      ) : (
        <span className="kb-header__organisation">{active?.organisationName}</span>
      )}
      {/* On a phone the button shows only the icon, so the organisation's name has the row (its name is the label). */}
      <DisclosureMenu
        button={
          <>
            <svg className="kb-user-menu__icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width="20" height="20">
              <path fill="currentColor" d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9Zm0 2c-4.4 0-8 2.2-8 5v2h16v-2c0-2.8-3.6-5-8-5Z" />
            </svg>
            <span className="kb-user-menu__name">{me.user.name}</span>
          </>
        }
        label={t('account.menu.label', { name: me.user.name })}
        align="end"
        className="kb-user-menu"
      >
        <p>
          <strong>{me.user.name}</strong>
          <br />
          <BreakableEmail email={me.user.email} />
          <br />
          {active?.organisationName}
        </p>
        <ul>
          <li>
            <Link to={PROFILE_PATH} className="ds-button" data-variant="tertiary" activeOptions={{ exact: true }}>
              {t('account.menu.profile')}
            </Link>
          </li>
          <li>
            <Link to={PASSWORD_PATH} className="ds-button" data-variant="tertiary">
              {t('account.menu.password')}
            </Link>
          </li>
          <li>
            <Link to={NOTIFICATIONS_PATH} className="ds-button" data-variant="tertiary">
              {t('account.menu.notifications')}
            </Link>
          </li>
        </ul>
        <LanguageSwitch />
        <ul>
          <li>
            <button type="button" className="ds-button" data-variant="tertiary" onClick={logOut} aria-busy={logout.isPending || undefined}>
              {t('shell.user.logOut')}
            </button>
          </li>
        </ul>
      </DisclosureMenu>
      <span className="ds-sr-only" role="status">
        {announcement}
      </span>
      {(switchOrganisation.isError || logout.isError) && (
        <p className="ds-validation-message kb-user-area__error" role="alert">
          {switchOrganisation.isError ? t('shell.user.switchFailed') : t('shell.user.logOutFailed')}
        </p>
      )}
    </>
  );
}
