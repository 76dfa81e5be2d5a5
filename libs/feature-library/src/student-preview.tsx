import { photoQueries } from '@kompetansebro/api-client';
import { servicesOnlyBokmalNotice, type OpeningHours, type ServiceSummary } from '@kompetansebro/domain';
import { useLanguage } from '@kompetansebro/i18n';
import { LoadingState, QueryError, Section } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { homeQueries } from './home-data';
import { useLibraryFeature } from './library-feature-context';
import { OpeningNow, WeekTable } from './opening-now';

/**
 * "How students see us": a read-only card of what a student is shown of the library — whether it
 * is open and its hours this week, its services with what they say, and its published photos.
 */
export function StudentPreview({ libraryId, name, hours, services }: { libraryId: string; name: string; hours: OpeningHours; services: readonly ServiceSummary[] }) {
  const { t } = useTranslation();
  const { paths } = useLibraryFeature();
  const photos = useQuery(homeQueries.photos(libraryId));
  const language = useLanguage();
  const own = services.filter((service) => service.actorId === libraryId);
  // The descriptions are the library's own words, in bokmål: marked so, and said so on a nynorsk or English page, as the finder does.
  const bokmalOnly = servicesOnlyBokmalNotice(language, own.map(({ description }) => ({ description })));
  return (
    <Section id="library-preview" title={t('library.preview.title')} className="kb-stack kb-library-preview">
      <p className="ds-paragraph kb-library-muted">{t('library.preview.intro')}</p>
      <h3 className="ds-heading" data-size="xs">
        {name}
      </h3>
      <OpeningNow hours={hours} />
      <WeekTable hours={hours} caption={t('library.preview.week')} />
      {bokmalOnly && <p className="ds-paragraph kb-library-muted">{bokmalOnly}</p>}
      {own.length > 0 && (
        <ul className="kb-library-list">
          {own.map((service) => (
            <li key={service.id}>
              <strong>{t(`serviceType.${service.type}`)}</strong>
              {service.description && (
                <>
                  : <span lang="nb">{service.description}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {photos.isPending ? (
        <LoadingState />
      ) : photos.isError ? (
        <QueryError error={photos.error} onRetry={() => void photos.refetch()} headingLevel={3} />
      ) : (
        (() => {
          const published = photos.data.items.filter((photo) => photo.published).slice(0, 3);
          return published.length === 0 ? (
            <p className="ds-paragraph">
              {t('library.preview.noPhotos')}{' '}
              <Link className="ds-link" to={paths.photos}>
                {t('library.preview.addPhotos')}
              </Link>
            </p>
          ) : (
            <div className="kb-library-preview-photos">
              {published.map((photo) => (
                <img key={photo.id} src={photoQueries.imageUrl(photo.urls.small)} alt={photo.altText} width={480} height={Math.round((480 * photo.height) / photo.width)} loading="lazy" />
              ))}
            </div>
          );
        })()
      )}
    </Section>
  );
}
