import { formatDateLong, useLanguage } from '@kompetansebro/i18n';
import { Page, Section } from '@kompetansebro/ui';
import { Trans, useTranslation } from 'react-i18next';
import { useShell } from './shell-context';

/** When the statement's text was last reviewed. */
const STATEMENT_UPDATED = '2026-02-03';

/** Tilgjengelighetserklæring: required for Norwegian public-sector web (WCAG 2.1 AA). */
export function AccessibilityStatementPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { app, contactEmail } = useShell();

  return (
    <Page title={t('accessibility.title')}>
      <p className="ds-paragraph">{t('accessibility.intro', { app: t(`app.${app}.name`) })}</p>

      <Section id="a11y-standard" title={t('accessibility.standardTitle')} intro={t('accessibility.standardText')} />

      <Section id="a11y-status" title={t('accessibility.statusTitle')} intro={t('accessibility.statusText')} />

      <Section id="a11y-known" title={t('accessibility.knownIssuesTitle')} intro={t('accessibility.knownIssuesText')} />

      <Section
        id="a11y-feedback"
        title={t('accessibility.feedbackTitle')}
        intro={
          <Trans
            i18nKey="accessibility.feedbackText"
            values={{ email: contactEmail }}
            components={{ mail: <a className="ds-link" href={`mailto:${contactEmail}`} /> }}
          />
        }
      />

      <Section id="a11y-complaint" title={t('accessibility.complaintTitle')} intro={t('accessibility.complaintText')}>
        <p className="ds-paragraph">
          <a className="ds-link" href="https://www.uutilsynet.no/">
            {t('accessibility.complaintLink')}
          </a>
        </p>
      </Section>

      <p className="ds-paragraph">{t('accessibility.updated', { date: formatDateLong(STATEMENT_UPDATED, language) })}</p>
    </Page>
  );
}
