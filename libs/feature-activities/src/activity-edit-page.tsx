import { activityQueries, trySave, useUpdateActivity } from '@kompetansebro/api-client';
import { activityKindSchema, type ActivityDetail } from '@kompetansebro/domain';
import { CancelLink, DetailPendingPage, EditFormNotices, ForbiddenPage, Page, useEditForm } from '@kompetansebro/ui';
import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useActivityFeature } from './activity-feature-context';
import { ActivityForm } from './activity-form';
import { activityFormState, formValuesFromActivity, toActivityUpdate, validateActivityForm, type ActivityFormField, type ActivityFormValues } from './activity-form-values';
import { useActivityAccess } from './use-can-edit-activities';
import './activities.css';

/** The record the form edits, from the route's params: its route loads it before the form shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  return queryOptions({ ...activityQueries.detail(id), refetchOnWindowFocus: false });
}

/** "Rediger": loads the activity, then the form over the version loaded. */
export function ActivityEditPage() {
  const activity = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  return <ActivityEditForm key={activity.data.id} activity={activity.data} />;
}

function ActivityEditForm({ activity }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const { paths, setNotice } = useActivityFeature();
  const access = useActivityAccess();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const edit = useEditForm(activity, { valuesOf: formValuesFromActivity, ...activityFormState });
  const { form, base } = edit;
  const updateActivity = useUpdateActivity(activity.id);

  /** A value as a person reads it: names, not codes. */
  const describe = (field: ActivityFormField, values: ActivityFormValues, organiserNames: Map<string, string>): string => {
    switch (field) {
      case 'kind': {
        const kind = activityKindSchema.safeParse(values.kind);
        return kind.success ? t(`activityKind.${kind.data}`) : values.kind;
      }
      case 'organiserId':
        return values.organiserId ? (organiserNames.get(values.organiserId) ?? values.organiserId) : t('common.notProvided');
      case 'participants':
        return values.participants.length === 0
          ? t('common.none')
          : values.participants.map((p) => (p.headCount.trim() ? `${p.actorName} (${p.headCount.trim()})` : p.actorName)).join(', ');
      case 'links':
        return values.links.length === 0 ? t('common.none') : values.links.map((link) => `${link.label}: ${link.url}`).join(', ');
      default:
        return values[field].trim() === '' ? t('common.notProvided') : values[field];
    }
  };

  /** Someone saved first: take their version as the new base, keep every field the user changed. */
  const loadLatest = () =>
    edit.loadLatest(
      () => queryClient.fetchQuery({ ...activityQueries.detail(activity.id), staleTime: 0 }),
      ({ changedByThem, merged, theirs, latest, previous }) => {
        const names = new Map<string, string>();
        for (const version of [previous, latest]) if (version.organiserId && version.organiserName) names.set(version.organiserId, version.organiserName);
        return changedByThem.map((field) => ({ field, theirs: describe(field, theirs, names), yours: describe(field, merged, names) }));
      },
    );

  const submit = async () => {
    const found = validateActivityForm(form.values);
    const changes = toActivityUpdate(form.values, form.savedValues);
    if (!(await edit.saveChanges(found, changes, (changes, version) => trySave(updateActivity.mutateAsync({ changes, version }))))) return;
    setNotice('saved');
    await navigate({ to: paths.detail, params: { id: activity.id } });
  };

  const title = t('activities.form.editTitle', { title: base.title });
  if (access.isPending) {
    return <DetailPendingPage title={title} />;
  }
  if (!access.mayChange('update', base)) {
    return <ForbiddenPage title={title} />;
  }

  const fieldName = (field: ActivityFormField) =>
    field === 'participants' ? t('activityField.participants.label') : field === 'links' ? t('activityField.links.label') : t(`activityField.${field}.label`);

  const notice = (
    <EditFormNotices
      edit={edit}
      fieldLabel={fieldName}
      onLoadLatest={() => void loadLatest()}
      saveFailed={t('activities.form.saveFailed')}
      noChanges={t('activities.form.noChanges')}
    />
  );

  return (
    <Page title={title}>
      <ActivityForm
        values={form.values}
        onChange={form.setValues}
        errors={form.errors}
        submitCount={form.submitCount}
        initialOrganiser={base.organiserId && base.organiserName ? { id: base.organiserId, name: base.organiserName } : null}
        ownOrganiser={access.ownOrganiser}
        notice={notice}
        submitLabel={t('common.saveChanges')}
        submitting={updateActivity.isPending}
        onSubmit={() => void submit()}
        cancel={
          <CancelLink to={paths.detail} id={activity.id} />
        }
      />
      {edit.guard.dialog}
    </Page>
  );
}
