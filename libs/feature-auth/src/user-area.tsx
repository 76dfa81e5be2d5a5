import { useLogout, useSwitchOrganisation } from '@kompetansebro/api-client';
import { compareNorwegian, type Me } from '@kompetansebro/domain';
import { Button } from '@kompetansebro/ui';
import { useNavigate, useRouter } from '@tanstack/react-router';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LOGIN_PATH } from './auth-paths';

/**
 * The header's user area: who is logged in, the organisation they act for (a switch when they
 * belong to several), and logging out.
 */
export function UserArea({ me }: { me: Me }) {
  const { t } = useTranslation();
  const router = useRouter();
  const navigate = useNavigate();
  const logout = useLogout();
  const switchOrganisation = useSwitchOrganisation();
  const selectId = useId();
  const [selected, setSelected] = useState(me.activeOrganisationId);
  useEffect(() => setSelected(me.activeOrganisationId), [me.activeOrganisationId]);
  // Said politely after a switch, without moving focus.
  const [announcement, setAnnouncement] = useState('');

  const memberships = [...me.memberships].sort((a, b) => compareNorwegian(a.organisationName, b.organisationName));
  const active = memberships.find((membership) => membership.organisationId === me.activeOrganisationId);

  const submitSwitch = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (selected === me.activeOrganisationId) return;
    switchOrganisation.mutate(
      { organisationId: selected },
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
    <div className="kb-user-area">
      <p className="kb-user-area__item">
        <span className="kb-user-area__label">{t('shell.user.loggedInAs')}</span> <strong>{me.user.name}</strong>
      </p>
      {memberships.length > 1 ? (
        <form className="kb-user-area__item kb-user-area__switch" onSubmit={submitSwitch}>
          <label className="kb-user-area__label" htmlFor={selectId}>
            {t('shell.user.switchLabel')}
          </label>
          <select
            id={selectId}
            className="ds-input"
            data-size="sm"
            value={selected}
            onChange={(event) => setSelected(event.target.value)}
            disabled={switchOrganisation.isPending}
          >
            {memberships.map((membership) => (
              <option key={membership.organisationId} value={membership.organisationId}>
                {membership.organisationName}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" size="sm" loading={switchOrganisation.isPending}>
            {t('shell.user.switchButton')}
          </Button>
        </form>
      ) : (
        <p className="kb-user-area__item">
          <span className="kb-user-area__label">{t('shell.user.organisation')}</span> <strong>{active?.organisationName}</strong>
        </p>
      )}
      <Button variant="tertiary" size="sm" onClick={logOut} loading={logout.isPending}>
        {t('shell.user.logOut')}
      </Button>
      <span className="ds-sr-only" role="status">
        {announcement}
      </span>
      {(switchOrganisation.isError || logout.isError) && (
        <p className="ds-validation-message kb-user-area__error" role="alert">
          {switchOrganisation.isError ? t('shell.user.switchFailed') : t('shell.user.logOutFailed')}
        </p>
      )}
    </div>
  );
}
