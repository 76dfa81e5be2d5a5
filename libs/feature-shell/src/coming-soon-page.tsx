import { Page, Section } from '@kompetansebro/ui';
import { Trans, useTranslation } from 'react-i18next';
import { useShell, type AppKey } from './shell-context';

/** The apps with "coming soon" texts (the county console and the library portal are built). */
type PortalKey = Exclude<AppKey, 'countyConsole' | 'libraryPortal'>;

/** What an app that is still being built will offer its users (from the catalogues). */
export function ComingSoonPage() {
  const { t } = useTranslation();
  const { app, contactEmail } = useShell();
  const portal: PortalKey = app === 'countyConsole' || app === 'libraryPortal' ? 'centrePortal' : app;
  const features = t(`comingSoon.${portal}.features`, { returnObjects: true });

  return (
    <Page title={t(`app.${app}.name`)}>
      <p className="ds-paragraph" data-size="lg">
        {t(`comingSoon.${portal}.lead`)}
      </p>
      <Section id="coming-soon-heading" title={t('comingSoon.title')} intro={t('comingSoon.intro')}>
        <ul>
          {features.map((feature) => (
            <li key={feature}>{feature}</li>
          ))}
        </ul>
      </Section>
      <p className="ds-paragraph">
        <Trans
          i18nKey="comingSoon.contact"
          values={{ email: contactEmail }}
          components={{ mail: <a className="ds-link" href={`mailto:${contactEmail}`} /> }}
        />
      </p>
    </Page>
  );
}
