import { ownPlanItemQueries, trySave, useUpdateOwnPlanItem } from '@kompetansebro/api-client';
import { fieldErrorsFromIssues, ownPlanItemUpdateSchema, planItemOverdue, planItemStatuses, todayInNorway, type FieldError, type OwnPlanItem, type OwnPlanItemUpdate, type PlanItemStatus } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { CancelLink, EditFormNotices, LoadingState, errorMessages, Fact, fieldErrorText, bindFields, Page, RecordForm, Section, Select, TextArea, useEditForm } from '@kompetansebro/ui';
import { queryOptions, useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useOwnPlanItemFeature } from './own-plan-item-feature-context';
import { PlanStatusTag } from './plan-status-tag';
import { useCanUpdateOwnPlanItems } from './use-can-edit-initiatives';

/** The item the page shows, from the route's params: its route loads it before the page shows. */
export function recordQuery({ id = '' }: { id?: string }) {
  // The form keeps the version it started from; a refetch behind it must not replace what the user types.
  return queryOptions({ ...ownPlanItemQueries.detail(id), refetchOnWindowFocus: false });
}

/** What its owner may change of a plan item: how far it has come, and what came of it. */
interface Values {
  status: string;
  resultText: string;
}
type Field = keyof Values;
const fields: readonly Field[] = ['status', 'resultText'];
const fieldId = (field: string) => `own-plan-item-${field}`;

const valuesOf = (item: OwnPlanItem): Values => ({ status: item.status, resultText: item.resultText ?? '' });
const ownPlanItemFormState = {
  changedFields: (values: Values, base: Values): Field[] => fields.filter((field) => values[field].trim() !== base[field].trim()),
  valueAt: (values: Values, path: string): string => (path === 'status' || path === 'resultText' ? values[path] : ''),
};

/** The changes since `base`, as the API takes them: an empty result is no result (null). */
function toUpdate(values: Values, base: Values): Record<string, unknown> {
  const all = { status: values.status, resultText: values.resultText.trim() || null };
  return Object.fromEntries(ownPlanItemFormState.changedFields(values, base).map((field) => [field, all[field]]));
}

/** The checks the API will make (the same schema), before sending. */
function validate(changes: Record<string, unknown>): { errors: FieldError[]; update: OwnPlanItemUpdate | null } {
  const parsed = ownPlanItemUpdateSchema.safeParse(changes);
  return parsed.success ? { errors: [], update: parsed.data } : { errors: fieldErrorsFromIssues(parsed.error.issues), update: null };
}

/** One plan item the organisation owns: what it is and when it is due, and — where the role may — its status and result to set. */
export function OwnPlanItemPage() {
  const item = useSuspenseQuery(recordQuery(useParams({ strict: false })));
  const access = useCanUpdateOwnPlanItems();
  return (
    <Page title={item.data.title}>
      <OwnPlanItemFacts item={item.data} withOutcome={access.known && !access.update} />
      {!access.known ? <LoadingState /> : access.update && <OwnPlanItemForm key={item.data.id} item={item.data} />}
    </Page>
  );
}

function OwnPlanItemFacts({ item, withOutcome }: { item: OwnPlanItem; withOutcome: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { paths } = useOwnPlanItemFeature();
  return (
    <>
      <p className="ds-paragraph">
        <Link className="ds-link" to={paths.list}>
          {t('initiatives.own.detail.backToList')}
        </Link>
      </p>
      <dl className="kb-facts">
        <Fact label={t('initiatives.own.detail.initiative')}>{item.initiativeTitle}</Fact>
        <Fact label={t('initiatives.own.detail.due')}>
          {item.dueDate ? (
            <>
              <time dateTime={item.dueDate}>{formatDate(item.dueDate, language)}</time>
              {planItemOverdue(item.dueDate, item.status, todayInNorway()) && <strong> — {t('initiatives.board.overdue')}</strong>}
            </>
          ) : (
            t('initiatives.notSet')
          )}
        </Fact>
        <Fact label={t('initiatives.own.detail.description')}>{item.description}</Fact>
        {withOutcome && (
          <>
            <Fact label={t('initiatives.own.fields.status')}>
              <PlanStatusTag status={item.status} />
            </Fact>
            <Fact label={t('initiatives.own.fields.resultText')}>{item.resultText}</Fact>
          </>
        )}
      </dl>
    </>
  );
}

function OwnPlanItemForm({ item }: { item: OwnPlanItem }) {
  const { t } = useTranslation();
  const { paths, setSaved } = useOwnPlanItemFeature();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const edit = useEditForm(item, { valuesOf, ...ownPlanItemFormState });
  const { form } = edit;
  const update = useUpdateOwnPlanItem(item.id);

  const labelOf = (field: Field) => t(`initiatives.own.fields.${field}`);
  const statusLabel = (status: string) => (planItemStatuses.includes(status as PlanItemStatus) ? t(`initiatives.planStatus.${status as PlanItemStatus}`) : status);
  const describe = (field: Field, values: Values) =>
    field === 'status' ? statusLabel(values.status) : values.resultText.trim() || t('common.notProvided');

  const loadLatest = () =>
    edit.loadLatest(
      () => queryClient.fetchQuery({ ...ownPlanItemQueries.detail(item.id), staleTime: 0 }),
      ({ changedByThem, merged, theirs }) => changedByThem.map((field) => ({ field, theirs: describe(field, theirs), yours: describe(field, merged) })),
    );

  const submit = async () => {
    const { errors, update: changes } = validate(toUpdate(form.values, form.savedValues));
    if (!(await edit.saveChanges(errors, changes, (changes, version) => trySave(update.mutateAsync({ changes, version }))))) return;
    setSaved(item.title);
    await navigate({ to: paths.list });
  };

  const { messageAt, summary } = errorMessages(form.errors, {
    messageOf: (error) => fieldErrorText(t, error, error.value),
    fieldIdOf: fieldId,
    labelOf: (path) => (fields.includes(path as Field) ? labelOf(path as Field) : undefined),
  });
  const field = bindFields({ values: form.values, set: form.setField, idOf: fieldId, labelOf, helpOf: (name) => (name === 'resultText' ? t('initiatives.own.fields.resultTextHelp') : undefined), errorAt: messageAt });

  return (
    <Section id="own-plan-item-form-heading" title={t('initiatives.own.form.title')}>
      <RecordForm
        summary={summary}
        submitCount={form.submitCount}
        notice={<EditFormNotices edit={edit} fieldLabel={labelOf} onLoadLatest={() => void loadLatest()} saveFailed={t('initiatives.own.form.saveFailed')} noChanges={t('initiatives.own.form.noChanges')} />}
        intro={t('initiatives.own.form.intro')}
        submitLabel={t('common.saveChanges')}
        submitting={update.isPending}
        onSubmit={() => void submit()}
        cancel={<CancelLink to={paths.list} />}
      >
        <Select {...field('status')} options={planItemStatuses.map((status) => ({ value: status, label: statusLabel(status) }))} />
        <TextArea {...field('resultText')} rows={6} />
      </RecordForm>
      {edit.guard.dialog}
    </Section>
  );
}
