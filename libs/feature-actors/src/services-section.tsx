import { meQueries, serviceQueries, useArchiveService, useConfirmService, type ApiError } from '@kompetansebro/api-client';
import { MAX_PAGE_SIZE, type ActorDetail, type ServiceHours, type ServiceSummary } from '@kompetansebro/domain';
import { formatDate, formatNumber, useLanguage } from '@kompetansebro/i18n';
import { Button, ConfirmDialog, FailureAlert, Fact, actionErrorText, StatusTag } from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordsSection } from './records-section';
import { ServiceForm } from './service-form';
import { useCanChange } from './use-can-edit-actors';

/** Staffed and self-service ("meråpent") hours are told apart first: the groups, in order. */
const hourGroups = ['staffed', 'self_service', 'staffed_and_self_service', 'by_appointment', 'unknown'] as const;
type HourGroup = (typeof hourGroups)[number];
const groupOf = (hours: ServiceHours | null): HourGroup => hours ?? 'unknown';

type ServiceNotice = 'saved' | 'archived' | 'confirmed';

/** The actor's services, grouped by staffed and self-service hours; each edited in place. */
export function ServicesSection({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const services = useQuery(serviceQueries.list({ actor: actor.id, pageSize: MAX_PAGE_SIZE, sort: 'type' }));
  const canCreate = useCanChange('service', 'create') && !actor.archivedAt;
  return (
    <RecordsSection<ServiceSummary, ServiceNotice>
      id="actor-services"
      title={t('actors.services.title')}
      intro={t('actors.services.intro')}
      result={services}
      loadFailed={t('actors.services.loadFailed')}
      empty={t('actors.services.empty')}
      noticeText={(notice) => t(`actors.services.${notice}`)}
      canCreate={canCreate}
      addLabel={t('actors.services.add')}
      addForm={(form) => <ServiceForm mode="create" actorId={actor.id} {...form} />}
      addFirst
    >
      {(items, onNotice) =>
        hourGroups.map((group) => {
          const members = items.filter((service) => groupOf(service.conditions.hours) === group);
          if (members.length === 0) return null;
          return (
            <section key={group} aria-labelledby={`services-${group}`} className="kb-stack">
              <h3 className="ds-heading" data-size="xs" id={`services-${group}`}>
                {t(`actors.services.groups.${group}`)}
              </h3>
              {members.map((service) => (
                <ServiceCard key={service.id} service={service} onNotice={onNotice} />
              ))}
            </section>
          );
        })
      }
    </RecordsSection>
  );
}

function ServiceCard({ service, onNotice }: { service: ServiceSummary; onNotice: (notice: ServiceNotice | null) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const me = useQuery(meQueries.current());
  const canUpdate = useCanChange('service', 'update');
  const canArchive = useCanChange('service', 'delete');
  const confirm = useConfirmService(service.id);
  const archive = useArchiveService(service.id);
  const [editing, setEditing] = useState(false);
  const [confirmingArchive, setConfirmingArchive] = useState(false);
  const [focusTitle, setFocusTitle] = useState(false);
  const typeName = t(`serviceType.${service.type}`);
  const titleId = `service-${service.id}-title`;
  const { conditions } = service;

  // Back from the form: start again from the service's heading, not from the top of the page.
  useEffect(() => {
    if (focusTitle && !editing) {
      document.getElementById(titleId)?.focus();
      setFocusTitle(false);
    }
  }, [focusTitle, editing, titleId]);

  /** A refused change because someone else saved first: show their version, so a second try sends the right one. */
  const refreshIfStale = (error: ApiError) => {
    if (error.status === 412) void queryClient.invalidateQueries({ queryKey: serviceQueries.lists() });
  };

  if (editing) {
    return (
      <div className="ds-card" data-color="neutral">
        <ServiceForm
          mode="edit"
          service={service}
          onCancel={() => {
            setEditing(false);
            setFocusTitle(true);
          }}
          onSaved={() => {
            setEditing(false);
            setFocusTitle(true);
            onNotice('saved');
          }}
        />
      </div>
    );
  }

  const number = (value: number) => formatNumber(value, language);
  const failure = confirm.error ?? archive.error;

  return (
    <article className="ds-card" data-color="neutral" aria-labelledby={titleId}>
      <h4 className="ds-heading" data-size="2xs" id={titleId} tabIndex={-1}>
        {typeName}
      </h4>
      <p className="kb-cluster">
        {conditions.hours && <StatusTag color={conditions.hours === 'self_service' ? 'accent' : 'info'}>{t(`actors.services.hours.${conditions.hours}`)}</StatusTag>}
        {service.audiences.map((audience) => (
          <StatusTag key={audience}>{t(`actors.services.audience.${audience}`)}</StatusTag>
        ))}
        {service.sampleData && <StatusTag color="warning">{t('actors.services.sampleData')}</StatusTag>}
      </p>
      {service.description && <p className="ds-paragraph">{service.description}</p>}
      {/* Only the conditions that say something; the form shows every field. */}
      <dl className="kb-facts">
        {service.weeklyHours !== null && (
          <Fact label={t('actors.services.field.weeklyHours.label')}>{t('actors.services.weeklyHoursValue', { count: service.weeklyHours, hours: number(service.weeklyHours) })}</Fact>
        )}
        {conditions.ageLimit !== null && (
          <Fact label={t('actors.services.field.ageLimit.label')}>{t('actors.services.ageLimitValue', { age: conditions.ageLimit })}</Fact>
        )}
        {conditions.contractRequired && <Fact label={t('actors.services.contractRequiredShort')}>{t('common.yes')}</Fact>}
        {conditions.bookingLeadTimeDays !== null && (
          <Fact label={t('actors.services.field.bookingLeadTimeDays.label')}>{t('actors.services.bookingValue', { count: conditions.bookingLeadTimeDays })}</Fact>
        )}
        {conditions.capacity !== null && <Fact label={t('actors.services.field.capacity.label')}>{number(conditions.capacity)}</Fact>}
        {conditions.note && <Fact label={t('actors.services.field.note.label')}>{conditions.note}</Fact>}
        <Fact label={t('actors.services.field.confirmedAt.label')}>
          {service.confirmedAt ? (
            <>
              <time dateTime={service.confirmedAt}>{formatDate(service.confirmedAt, language)}</time>
              {service.confirmedBy && <> – {service.confirmedBy}</>}
            </>
          ) : (
            t('actors.services.notConfirmed')
          )}
        </Fact>
      </dl>
      <FailureAlert title={confirm.error ? t('actors.services.confirmFailed') : t('actors.services.archiveFailed')} message={failure ? actionErrorText(t, failure) : null} />
      {(canUpdate || canArchive) && (
        <div className="kb-cluster">
          {canUpdate && (
            <>
              <Button
                variant="secondary"
                aria-label={t('actors.services.editLabel', { type: typeName })}
                onClick={() => {
                  onNotice(null);
                  setEditing(true);
                }}
              >
                {t('actors.services.edit')}
              </Button>
              <Button
                variant="secondary"
                loading={confirm.isPending}
                aria-label={t('actors.services.confirmStillCorrectLabel', { type: typeName })}
                onClick={() => {
                  onNotice(null);
                  archive.reset();
                  confirm.mutate(
                    { confirmedBy: me.data?.user.name ?? '', version: service.version },
                    { onSuccess: () => onNotice('confirmed'), onError: refreshIfStale },
                  );
                }}
              >
                {t('actors.services.confirmStillCorrect')}
              </Button>
            </>
          )}
          {canArchive && (
            <Button
              variant="tertiary"
              color="danger"
              aria-label={t('actors.services.archiveLabel', { type: typeName })}
              onClick={() => {
                confirm.reset();
                setConfirmingArchive(true);
              }}
            >
              {t('actors.services.archive')}
            </Button>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirmingArchive}
        title={t('actors.services.archiveTitle', { type: typeName })}
        confirmLabel={t('actors.services.archiveConfirm')}
        cancelLabel={t('common.cancel')}
        busy={archive.isPending}
        onConfirm={() =>
          archive.mutate(
            { version: service.version },
            {
              onSuccess: () => {
                setConfirmingArchive(false);
                onNotice('archived');
              },
              onError: (error) => {
                setConfirmingArchive(false);
                refreshIfStale(error);
              },
            },
          )
        }
        onCancel={() => setConfirmingArchive(false)}
      >
        <p className="ds-paragraph">{t('actors.services.archiveBody')}</p>
      </ConfirmDialog>
    </article>
  );
}
