import { actorQueries, trySave, useCreatePlanItem, useUpdatePlanItem } from '@kompetansebro/api-client';
import { planItemStatuses, type FieldError, type PlanItemDetail, type PlanItemStatus } from '@kompetansebro/domain';
import { formatDate, useLanguage } from '@kompetansebro/i18n';
import { Alert, bindFields, Button, ChangesTable, ErrorSummary, fieldErrorText, Select, TextArea, TextField, useFormSubmit, type ErrorSummaryItem } from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, pickerField, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Values {
  title: string;
  description: string;
  responsibleActorId: string;
  dueDate: string;
  status: PlanItemStatus;
}

type Field = keyof Values;
const fields: readonly Field[] = ['title', 'description', 'responsibleActorId', 'dueDate', 'status'];
const fieldId = (field: Field) => `plan-item-${field}`;

function valuesOf(item: PlanItemDetail | null): Values {
  return {
    title: item?.title ?? '',
    description: item?.description ?? '',
    responsibleActorId: item?.responsibleActorId ?? '',
    dueDate: item?.dueDate ?? '',
    status: item?.status ?? 'planned',
  };
}

/** What the form checks before sending (the API checks again): a title of 3–500 characters. */
export function planItemFormErrors(values: Values): FieldError[] {
  const title = values.title.trim();
  if (title.length === 0) return [{ path: 'title', code: 'invalid_type', message: 'Required' }];
  if (title.length < 3) return [{ path: 'title', code: 'too_small', message: 'Too short', params: { origin: 'string', minimum: 3 } }];
  if (title.length > 500) return [{ path: 'title', code: 'too_big', message: 'Too long', params: { origin: 'string', maximum: 500 } }];
  return [];
}

interface PlanItemFormProps {
  initiativeId: string;
  /** The item as it was when the form opened; null for a new item. */
  item: PlanItemDetail | null;
  /** The item as the server has it now (after someone else saved, it differs from `item`). */
  latest: PlanItemDetail | null;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * Add or change a plan item. Bad input gets a message beside the field and in the summary at
 * the top. When someone else saved the item first (412), the form keeps what the user typed and
 * shows the other version beside it; saving again replaces theirs, cancelling keeps theirs.
 */
export function PlanItemForm({ initiativeId, item, latest, onDone, onCancel }: PlanItemFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [values, setValues] = useState<Values>(() => valuesOf(item));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);
  // The version the next save overwrites: the one opened, or after a conflict the one the user has seen.
  const [baseVersion, setBaseVersion] = useState(item?.version ?? 0);
  const [conflict, setConflict] = useState(false);
  const save = useFormSubmit({ showErrors: (found) => setErrors([...found]), onStale: () => setConflict(true) });
  const create = useCreatePlanItem(initiativeId);
  const update = useUpdatePlanItem(initiativeId);
  // Any organisation may be responsible: found by the server as the user types.
  const actorSearch = usePickerSearch();
  const actors = useQuery({ ...actorQueries.list({ q: actorSearch.q || undefined, pageSize: PICKER_SEARCH_SIZE, sort: 'name' }), placeholderData: keepPreviousData });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (conflict && latest) setBaseVersion(latest.version);
  }, [conflict, latest]);

  const actorOptions = (actors.data?.items ?? []).map((actor) => ({ value: actor.id, label: actor.name }));

  const errorFor = (field: Field) => {
    const error = errors.find((candidate) => candidate.path === field);
    return error ? fieldErrorText(t, error, values[field]) : undefined;
  };
  const summary: ErrorSummaryItem[] = errors.map((error) => {
    const field = fields.find((candidate) => candidate === error.path) ?? 'title';
    return { fieldId: fieldId(field), message: `${t(`initiatives.planForm.fields.${field}`)}: ${fieldErrorText(t, error, values[field])}` };
  });

  const field = bindFields({
    values,
    set: (name, value) => setValues((current) => ({ ...current, [name]: value })),
    idOf: fieldId,
    labelOf: (name) => t(`initiatives.planForm.fields.${name}`),
    errorAt: errorFor,
  });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.start();
    setSubmitCount((count) => count + 1);
    const found = planItemFormErrors(values);
    setErrors(found);
    if (found.length > 0) return;
    const input = {
      title: values.title.trim(),
      description: values.description.trim() || null,
      responsibleActorId: values.responsibleActorId || null,
      dueDate: values.dueDate || null,
      status: values.status,
    };
    if (item) {
      const result = await trySave(update.mutateAsync({ itemId: item.id, changes: input, version: baseVersion }));
      if (save.settle(result)) onDone(t('initiatives.planForm.saved', { title: result.data.title }));
    } else {
      const result = await trySave(create.mutateAsync(input));
      if (save.settle(result)) onDone(t('initiatives.planForm.added', { title: result.data.title }));
    }
  };

  const pending = create.isPending || update.isPending;
  const statusLabel = (status: PlanItemStatus) => t(`initiatives.planStatus.${status}`);
  // Every field the form edits, as the conflict box compares what is stored with the form.
  const actorName = (id: string) =>
    [latest, item].find((version) => version?.responsibleActorId === id)?.responsibleActorName ?? actorOptions.find((option) => option.value === id)?.label ?? id;
  const fieldText = (name: Field, version: Values): string => {
    const value = version[name];
    if (!value) return t('initiatives.notSet');
    if (name === 'status') return statusLabel(version.status);
    if (name === 'dueDate') return formatDate(value, language);
    if (name === 'responsibleActorId') return actorName(value);
    return value;
  };

  return (
    <form className="kb-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="plan-item-form-heading">
      <h3 className="ds-heading" data-size="xs" id="plan-item-form-heading" tabIndex={-1} ref={headingRef}>
        {item ? t('initiatives.planForm.editTitle', { title: item.title }) : t('initiatives.planForm.newTitle')}
      </h3>
      <ErrorSummary errors={summary} focusKey={submitCount} />
      {conflict && latest && (
        <Alert color="warning" heading={t('initiatives.planForm.conflictTitle')} headingLevel={4} role="alert" focusKey={latest}>
          <p className="ds-paragraph">{t('initiatives.planForm.conflictBody')}</p>
          <ChangesTable
            columns={[t('common.staleSave.field'), t('common.staleSave.theirValue'), t('common.staleSave.yourValue')]}
            rows={fields
              .filter((name) => valuesOf(latest)[name] !== values[name])
              .map((name) => ({ key: name, label: t(`initiatives.planForm.fields.${name}`), first: fieldText(name, valuesOf(latest)), second: fieldText(name, values) }))}
          />
        </Alert>
      )}
      {save.failure && (
        <Alert color="danger" role="alert">
          <p className="ds-paragraph">{save.failure}</p>
        </Alert>
      )}
      <TextField {...field('title')} requiredLabel={t('common.required')} />
      <TextArea {...field('description')} />
      <SearchablePicker
        {...pickerField(field('responsibleActorId'))}
        search={actorSearch}
        matches={actors.data && { shown: actors.data.items.length, total: actors.data.total }}
        loading={actors.isFetching}
        options={actorOptions}
        known={item?.responsibleActorId && item.responsibleActorName ? [{ value: item.responsibleActorId, label: item.responsibleActorName }] : []}
      />
      <TextField {...field('dueDate')} type="date" />
      <Select {...field('status')} options={planItemStatuses.map((status) => ({ value: status, label: statusLabel(status) }))} />
      <div className="kb-cluster">
        <Button type="submit" disabled={pending}>
          {pending ? t('common.saving') : conflict ? t('initiatives.planForm.saveAnyway') : t('common.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
