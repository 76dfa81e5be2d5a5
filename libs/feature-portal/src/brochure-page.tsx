import { portalQueries } from '@kompetansebro/api-client';
import { brochureAreaName, brochureDate, brochureLanguageSchema, brochureServiceLine, brochureText, type Brochure, type BrochureLanguage } from '@kompetansebro/domain';
import { useLanguage } from '@kompetansebro/i18n';
import { Button, buttonLinkProps, LoadingState, Page, QueryError, Select, useListSearch } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ForStudyCentre } from './not-a-centre';
import { BokmalOnlyNotice, ServiceLineText } from './service-line';
import { usePortalFeature } from './portal-feature-context';
import './portal.css';

/** `?lang=` of the brochure page: the brochure's own language, which may differ from the reader's. */
const brochureSearchSchema = z.object({ lang: brochureLanguageSchema.optional() });

/**
 * "Library services for students in <region>": the brochure as a printable page (the print
 * style leaves out the app's frame and these controls) and as a PDF from the server, in the
 * language chosen here (in the URL). Built from the service records at every visit.
 */
export function BrochurePage() {
  const { t } = useTranslation();
  return <ForStudyCentre title={t('portal.brochure.title')}>{(centreId) => <BrochureScreen centreId={centreId} />}</ForStudyCentre>;
}

function BrochureScreen({ centreId }: { centreId: string }) {
  const { t } = useTranslation();
  const readerLanguage = useLanguage();
  const { paths } = usePortalFeature();
  const navigate = useNavigate();
  const { lang } = useListSearch(brochureSearchSchema, paths.brochure).view;
  const language: BrochureLanguage = lang ?? readerLanguage;
  const brochure = useQuery(portalQueries.brochure(centreId));
  const languageName = t(`portal.brochure.languages.${language}`);

  return (
    <Page title={t('portal.brochure.title')}>
      <div className="kb-stack kb-no-print">
        <p className="ds-paragraph">{t('portal.brochure.intro')}</p>
        <div className="kb-cluster">
          <Select
            label={t('portal.brochure.languageLabel')}
            options={(['nb', 'nn', 'en'] as const).map((value) => ({ value, label: t(`portal.brochure.languages.${value}`) }))}
            value={language}
            onChange={(event) => void navigate({ to: paths.brochure, search: { lang: event.target.value as BrochureLanguage }, replace: true })}
          />
        </div>
        <div className="kb-cluster">
          <Button variant="secondary" onClick={() => window.print()} disabled={!brochure.isSuccess}>
            {t('portal.brochure.print')}
          </Button>
          <a {...buttonLinkProps('primary')} href={portalQueries.brochurePdfUrl(centreId, language)} download>
            {t('portal.brochure.downloadPdf', { language: languageName })}
          </a>
        </div>
      </div>
      {brochure.isPending ? (
        <LoadingState />
      ) : brochure.isError ? (
        <QueryError error={brochure.error} onRetry={() => void brochure.refetch()} />
      ) : (
        <BrochureSheet brochure={brochure.data} language={language} />
      )}
    </Page>
  );
}

/** The brochure itself, in its own language (marked with `lang`), as the PDF has it. */
export function BrochureSheet({ brochure, language }: { brochure: Brochure; language: BrochureLanguage }) {
  const { t } = useTranslation();
  const text = brochureText[language];
  const names = new Map(brochure.municipalities.flatMap((m) => m.libraries.map((l) => [l.id, l.name] as const)));
  const centre = brochure.studyCentre;
  return (
    <article className="kb-brochure" lang={language === 'en' ? 'en' : language === 'nn' ? 'nn-NO' : 'nb-NO'} aria-label={t('portal.brochure.previewLabel')}>
      <h2 className="ds-heading" data-size="lg">
        {text.title(brochureAreaName(brochure, text.and))}
      </h2>
      <p className="ds-paragraph">{text.intro(centre.name)}</p>
      <BokmalOnlyNotice brochure={brochure} language={language} />
      {brochure.municipalities.map((municipality) => (
        <section key={municipality.number} aria-labelledby={`brochure-m-${municipality.number}`}>
          <h3 className="ds-heading" data-size="sm" id={`brochure-m-${municipality.number}`}>
            {municipality.name}
          </h3>
          {municipality.libraries.length === 0 && <p className="ds-paragraph">{text.noLibraries}</p>}
          {municipality.libraries.map((library) => {
            const main = library.parentId ? names.get(library.parentId) : undefined;
            const contact = [
              library.address && `${text.address}: ${library.address}`,
              library.phone && `${text.phone}: ${library.phone}`,
              library.email && `${text.email}: ${library.email}`,
              library.website && `${text.website}: ${library.website}`,
            ].filter((part): part is string => Boolean(part));
            return (
              <div key={library.id} className="kb-brochure-library">
                <h4 className="ds-heading" data-size="xs">
                  {library.name}
                </h4>
                {main && (
                  <p className="ds-paragraph" data-size="sm">
                    {text.branchOf(main)}
                  </p>
                )}
                {library.services.length === 0 ? (
                  <p className="ds-paragraph" data-size="sm">
                    {text.noServices}
                  </p>
                ) : (
                  <ul>
                    {library.services.map((service) => (
                      <li key={service.id}>
                        <ServiceLineText line={brochureServiceLine(service, language)} />
                      </li>
                    ))}
                  </ul>
                )}
                {contact.length > 0 && (
                  <p className="ds-paragraph" data-size="sm">
                    {text.contact} — {contact.join(' · ')}
                  </p>
                )}
              </div>
            );
          })}
        </section>
      ))}
      <footer>
        <p className="ds-paragraph" data-size="sm">
          <strong>{text.footer(centre.name)}</strong>
          {[centre.address, centre.phone, centre.email, centre.website].some(Boolean) && (
            <>
              <br />
              {[centre.address, centre.phone, centre.email, centre.website].filter(Boolean).join(' · ')}
            </>
          )}
          <br />
          {text.generated(brochureDate(brochure.generatedAt, language))}
        </p>
      </footer>
    </article>
  );
}
