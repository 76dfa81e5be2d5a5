import { actorQueries, useArchiveActor } from '@kompetansebro/api-client';
import { formatOrganisationNumber, toIsil, type ActorDetail } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, buttonLinkProps, ConfirmDialog, FailureAlert, Fact, actionErrorText, Page, Section, StatusTag, useNoticeForThisVisit } from '@kompetansebro/ui';
import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorFeature, type ActorNotice } from './actor-feature-context';
import { useCanEditActors, useCanUpdateActors } from './use-can-edit-actors';
import { MergeSection } from './merge-section';
import { ActivitiesSection, MediaSection, useActorActivities } from './activities-section';
import { AgreementsSection } from './agreements-section';
import { ContactsSection } from './contacts-section';
import { ServicesSection } from './services-section';

const noticeKeys = {
  created: 'actors.detail.created',
  saved: 'actors.detail.saved',
  archived: 'actors.detail.archivedSuccess',
} as const satisfies Record<ActorNotice, string>;

/** The record the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  return actorQueries.detail(id);
}

/** One actor: its facts, contact details, where it belongs and what belongs to it; edit and archive. */
export function ActorPage() {
  const { notice, setNotice } = useActorFeature();
  // Loaded by the route before the page shows (its pending and error pages are the route's).
  const actor = useSuspenseQuery(recordQuery(useParams({ strict: false })));

  const noticeForThisVisit = useNoticeForThisVisit(notice, setNotice);
  return <ActorDetails actor={actor.data} notice={noticeForThisVisit} />;
}


function ActorDetails({ actor, notice }: { actor: ActorDetail; notice: ActorNotice | null }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths, links } = useActorFeature();
  const canEdit = useCanEditActors();
  const canUpdate = useCanUpdateActors();
  const activities = useActorActivities(actor.id);
  const archive = useArchiveActor(actor.id);
  const queryClient = useQueryClient();
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  // Filled after the first paint, so screen readers announce it (a live region must exist before it changes).
  const [status, setStatus] = useState<ActorNotice | null>(null);
  useEffect(() => {
    if (notice) setStatus(notice);
  }, [notice]);
  // After archiving, the button that opened the dialog is gone: start again from the page's
  // heading (this runs after the dialog has closed and handed focus back).
  useEffect(() => {
    if (status === 'archived') document.querySelector<HTMLElement>('main h1')?.focus();
  }, [status]);

  const archiveActor = () => {
    archive.mutate(
      { version: actor.version },
      {
        onSuccess: () => {
          setConfirmingArchive(false);
          setStatus('archived');
        },
        onError: (error) => {
          setConfirmingArchive(false);
          // Someone else saved first: show their version, so a second try sends the right one.
          if (error.status === 412) void queryClient.invalidateQueries({ queryKey: actorQueries.detail(actor.id).queryKey });
        },
      },
    );
  };

  return (
    <Page
      title={actor.name}
      actions={
        (canEdit || canUpdate) &&
        !actor.archivedAt && (
          <>
            <Link to={paths.edit} params={{ id: actor.id }} {...buttonLinkProps('primary')}>
              {t('common.edit')}
            </Link>
            {canEdit && (
              <Button variant="secondary" color="danger" onClick={() => setConfirmingArchive(true)}>
                {t('common.archive')}
              </Button>
            )}
          </>
        )
      }
    >
      {/* Polite, and never takes focus: the user reads it when they get to it. */}
      <div role="status">{status && <Alert color="success">{t(noticeKeys[status])}</Alert>}</div>
      <FailureAlert title={t('actors.archive.failed')} message={archive.isError ? actionErrorText(t, archive.error) : null} />

      <p className="kb-cluster">
        <StatusTag color="info">{t(`actorKind.${actor.kind}`)}</StatusTag>
        {actor.archivedAt && <StatusTag color="warning">{t('actors.list.archivedTag')}</StatusTag>}
      </p>
      {actor.archivedAt && <Alert color="warning">{t('actors.detail.archivedNotice', { date: formatDate(actor.archivedAt, language) })}</Alert>}
      {actor.description && <p className="ds-paragraph">{actor.description}</p>}

      {/* A long page: a way straight to each part, also on a phone. */}
      <nav aria-label={t('actors.detail.onThisPage')}>
        <ul className="kb-cluster" style={{ listStyle: 'none', padding: 0 }}>
          {(
            [
              ['actor-services', 'actors.services.title'],
              ['actor-contacts', 'actors.contacts.title'],
              ['actor-agreements', 'actors.agreements.title'],
              ['actor-activities', 'actors.activities.title'],
              ['actor-media', 'actors.media.title'],
            ] as const
          ).map(([target, label]) => (
            <li key={target}>
              <a className="ds-link" href={`#${target}`}>
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <Section id="actor-facts" title={t('actors.detail.facts')}>
        <dl className="kb-facts">
          <Fact label={t('actorField.kind.label')}>{t(`actorKind.${actor.kind}`)}</Fact>
          <Fact label={t('actorField.shortName.label')}>{actor.shortName}</Fact>
          <Fact label={t('actorField.organisationNumber.label')}>
            {actor.organisationNumber && formatOrganisationNumber(actor.organisationNumber)}
          </Fact>
          {actor.libraryNumber && (
            <>
              <Fact label={t('actorField.isil.label')}>{toIsil(actor.libraryNumber)}</Fact>
              <Fact label={t('actorField.libraryNumber.label')}>{actor.libraryNumber}</Fact>
            </>
          )}
          <Fact label={t('actorField.updatedAt.label')}>
            <time dateTime={actor.updatedAt}>{formatDate(actor.updatedAt, language)}</time>
          </Fact>
          <Fact label={t('actorField.createdAt.label')}>
            <time dateTime={actor.createdAt}>{formatDate(actor.createdAt, language)}</time>
          </Fact>
        </dl>
      </Section>

      <Section id="actor-relations" title={t('actors.detail.relations')}>
        <dl className="kb-facts">
          <Fact label={t('actorField.municipalityNumber.label')}>{actor.municipalityName}</Fact>
          <Fact label={t('actorField.region.label')}>{actor.regionName}</Fact>
          <Fact label={t('actors.detail.parent')}>
            {actor.parentId && (
              <Link className="ds-link" to={paths.detail} params={{ id: actor.parentId }}>
                {actor.parentName ?? actor.parentId}
              </Link>
            )}
          </Fact>
        </dl>
        <h3 className="ds-heading" data-size="xs">
          {t('actors.detail.branches')}
        </h3>
        {actor.children.length === 0 ? (
          <p className="ds-paragraph">{t('actors.detail.noChildren')}</p>
        ) : (
          <ul>
            {actor.children.map((child) => (
              <li key={child.id}>
                <Link className="ds-link" to={paths.detail} params={{ id: child.id }}>
                  {child.name}
                </Link>{' '}
                ({t(`actorKind.${child.kind}`)}){child.archivedAt && <> – {t('actors.list.archivedTag')}</>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="actor-contact" title={t('actors.detail.contact')}>
        <dl className="kb-facts">
          <Fact label={t('actorField.address.label')}>{actor.address}</Fact>
          <Fact label={t('actorField.website.label')}>
            {actor.website && (
              <a className="ds-link" href={actor.website} rel="noopener noreferrer">
                {actor.website}
              </a>
            )}
          </Fact>
          <Fact label={t('actorField.email.label')}>
            {actor.email && (
              <a className="ds-link" href={`mailto:${actor.email}`}>
                {actor.email}
              </a>
            )}
          </Fact>
          <Fact label={t('actorField.phone.label')}>
            {actor.phone && (
              <a className="ds-link" href={`tel:${actor.phone.replace(/\s+/g, '')}`}>
                {actor.phone}
              </a>
            )}
          </Fact>
        </dl>
      </Section>

      <ServicesSection actor={actor} />
      <ContactsSection actor={actor} />
      <AgreementsSection actor={actor} />
      <ActivitiesSection actor={actor} activities={activities} />
      <MediaSection activities={activities} />
      <MergeSection actor={actor} />

      <ul className="kb-cluster" style={{ listStyle: 'none', padding: 0 }}>
        {links.history && (
          <li>
            <Link className="ds-link" to={links.history} params={{ entity: 'actor', id: actor.id }}>
              {t('actors.detail.history')}
            </Link>
          </li>
        )}
        <li>
          <Link className="ds-link" to={paths.list}>
            {t('actors.detail.backToList')}
          </Link>
        </li>
      </ul>

      <ConfirmDialog
        open={confirmingArchive}
        title={t('actors.archive.title', { name: actor.name })}
        confirmLabel={t('actors.archive.confirm')}
        cancelLabel={t('common.cancel')}
        busy={archive.isPending}
        onConfirm={archiveActor}
        onCancel={() => setConfirmingArchive(false)}
      >
        <p className="ds-paragraph">{t('actors.archive.body')}</p>
        {actor.children.length > 0 && (
          <p className="ds-paragraph">{t('actors.archive.childrenWarning', { count: actor.children.length })}</p>
        )}
      </ConfirmDialog>
    </Page>
  );
}
