import { actorQueries, useCan, useMergeActor } from '@kompetansebro/api-client';
import type { ActorDetail } from '@kompetansebro/domain';
import { Alert, Button, ConfirmDialog, actionErrorText, Section } from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useActorFeature } from './actor-feature-context';

/**
 * "Slå sammen med et duplikat": the county admin picks another live actor of the same kind;
 * its references move here and it is archived (the API checks kind, state and version again).
 */
export function MergeSection({ actor }: { actor: ActorDetail }) {
  const { t } = useTranslation();
  const { viewer } = useActorFeature();
  const allowed = useCan('actor', 'delete', { enabled: viewer.canEdit });
  // Found by the server as the admin types: there may be hundreds of the kind.
  const search = usePickerSearch();
  const candidates = useQuery({
    ...actorQueries.list({ kind: actor.kind, q: search.q || undefined, pageSize: PICKER_SEARCH_SIZE, sort: 'name' }),
    enabled: viewer.canEdit && allowed && !actor.archivedAt,
    placeholderData: keepPreviousData,
  });
  const merge = useMergeActor(actor.id);
  const [duplicateId, setDuplicateId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [merged, setMerged] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState('');
  if (!viewer.canEdit || !allowed || actor.archivedAt) return null;

  const options = (candidates.data?.items ?? []).filter((a) => a.id !== actor.id).map((a) => ({ value: a.id, label: a.municipalityName ? `${a.name} (${a.municipalityName})` : a.name }));
  const failure = merge.isError ? actionErrorText(t, merge.error) : null;
  const confirm = () =>
    merge.mutate(
      { version: actor.version, duplicateId },
      {
        onSettled: () => setConfirming(false),
        onSuccess: () => {
          setMerged(duplicate);
          setDuplicateId('');
          setDuplicate('');
        },
      },
    );

  return (
    <Section id="actor-merge" title={t('actors.merge.title')} intro={t('actors.merge.intro')}>
      <div role="status">{merged && <Alert color="success">{t('actors.merge.done', { duplicate: merged })}</Alert>}</div>
      {failure && (
        <Alert color="danger" role="alert" heading={t('actors.merge.failed')}>
          {failure}
        </Alert>
      )}
      <SearchablePicker
        id="actor-merge-duplicate"
        label={t('actors.merge.label')}
        description={t('actors.merge.choose')}
        search={search}
        matches={candidates.data && { shown: options.length, total: candidates.data.total - (candidates.data.items.length > options.length ? 1 : 0) }}
        loading={candidates.isFetching}
        options={options}
        value={duplicateId}
        onChange={(id, name) => {
          setDuplicateId(id);
          setDuplicate(name);
        }}
      />
      <Button variant="secondary" disabled={duplicateId === ''} onClick={() => setConfirming(true)}>
        {t('actors.merge.submit')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('actors.merge.confirmTitle', { duplicate, name: actor.name })}
        confirmLabel={t('actors.merge.confirm')}
        cancelLabel={t('common.cancel')}
        busy={merge.isPending}
        onConfirm={confirm}
        onCancel={() => setConfirming(false)}
      >
        <p className="ds-paragraph">{t('actors.merge.confirmBody', { duplicate, name: actor.name })}</p>
      </ConfirmDialog>
    </Section>
  );
}
