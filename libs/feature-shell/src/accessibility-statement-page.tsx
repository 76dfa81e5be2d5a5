import { formatDateLong, useLanguage } from '@kompetansebro/i18n';
import { Page } from '@kompetansebro/ui';
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

      <section aria-labelledby="a11y-standard">
        <h2 className="ds-heading" data-size="sm" id="a11y-standard">
          {t('accessibility.standardTitle')}
        </h2>
        <p className="ds-paragraph">{t('accessibility.standardText')}</p>
      </section>

      <section aria-labelledby="a11y-status">
        <h2 className="ds-heading" data-size="sm" id="a11y-status">
          {t('accessibility.statusTitle')}
        </h2>
        <p className="ds-paragraph">{t('accessibility.statusText')}</p>
      </section>

      <section aria-labelledby="a11y-known">
        <h2 className="ds-heading" data-size="sm" id="a11y-known">
          {t('accessibility.knownIssuesTitle')}
        </h2>
        <p className="ds-paragraph">{t('accessibility.knownIssuesText')}</p>
      </section>

      <section aria-labelledby="a11y-feedback">
        <h2 className="ds-heading" data-size="sm" id="a11y-feedback">
          {t('accessibility.feedbackTitle')}
        </h2>
        <p className="ds-paragraph">
          <Trans
            i18nKey="accessibility.feedbackText"
            values={{ email: contactEmail }}
            components={{ mail: <a className="ds-link" href={`mailto:${contactEmail}`} /> }}
          />
        </p>
      </section>

      <section aria-labelledby="a11y-complaint">
        <h2 className="ds-heading" data-size="sm" id="a11y-complaint">
          {t('accessibility.complaintTitle')}
        </h2>
        <p className="ds-paragraph">{t('accessibility.complaintText')}</p>
        <p className="ds-paragraph">
          <a className="ds-link" href="https://www.uutilsynet.no/">
            {t('accessibility.complaintLink')}
          </a>
        </p>
      </section>

      <p className="ds-paragraph">{t('accessibility.updated', { date: formatDateLong(STATEMENT_UPDATED, language) })}</p>
    </Page>
  );
}
