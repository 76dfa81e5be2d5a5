import { PendingAcceptances } from '@kompetansebro/feature-agreements';
import { Page } from '@kompetansebro/ui';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';

const sections = [
  { to: '/bibliotek', label: 'shell.navigation.libraries', body: 'liaison.overview.librariesBody' },
  { to: '/behov', label: 'shell.navigation.needs', body: 'liaison.overview.needsBody' },
  { to: '/kanaler', label: 'shell.navigation.channels', body: 'liaison.overview.channelsBody' },
  { to: '/avtaler', label: 'shell.navigation.agreements', body: 'liaison.overview.agreementsBody' },
  { to: '/erfaringsdeling', label: 'shell.navigation.exchange', body: 'liaison.overview.exchangeBody' },
] as const;

/** The liaison view's front page: what each part is for, with a link to it. */
export function OverviewPage() {
  const { t } = useTranslation();
  return (
    <Page title={t('liaison.overview.title')}>
      <p className="ds-paragraph">{t('liaison.overview.intro')}</p>
      <PendingAcceptances agreementPath="/avtaler/$id" tasksPath="/avtaler/oppgaver" />
      <ul className="kb-stack" style={{ listStyle: 'none', padding: 0 }}>
        {sections.map((section) => (
          <li key={section.to}>
            <h2 className="ds-heading" data-size="xs">
              <Link className="ds-link" to={section.to}>
                {t(section.label)}
              </Link>
            </h2>
            <p className="ds-paragraph">{t(section.body)}</p>
          </li>
        ))}
      </ul>
    </Page>
  );
}
