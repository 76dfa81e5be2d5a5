import { actorQueries, municipalityQueries } from '@kompetansebro/api-client';
import { actorKinds, compareNorwegian, type ActorKind } from '@kompetansebro/domain';
import {
  bindFields,
  errorMessages,
  fieldErrorText,
  optionsByLabel,
  RecordForm,
  Select,
  type ShownFieldError,
  TextArea,
  TextField,
} from '@kompetansebro/ui';
import { pickerField, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  actorFieldId,
  contactOnlyIntroOf,
  isActorFormField,
  parentKindsOf,
  type ActorFormField,
  type ActorFormValues,
} from './actor-form-values';

const PARENT_OPTIONS_PAGE_SIZE = 100;

interface ParentOption {
  id: string;
  name: string;
  kind: ActorKind;
}

/** The actors a parent may be chosen from: those of the kinds the rules allow, narrowed by a search when many. */
function useParentOptions(kind: string, selected: { id: string; name: string } | null) {
  const parentKinds = parentKindsOf(kind);
  const search = usePickerSearch();
  const query = search.q;

  const results = useQueries({
    queries: parentKinds.map((parentKind) =>
      actorQueries.list({ kind: parentKind, q: query || undefined, pageSize: PARENT_OPTIONS_PAGE_SIZE, sort: 'name' }),
    ),
  });

  const options = useMemo(() => {
    const byId = new Map<string, ParentOption>();
    for (const result of results) {
      for (const actor of result.data?.items ?? []) byId.set(actor.id, { id: actor.id, name: actor.name, kind: actor.kind });
    }
    return [...byId.values()].sort((a, b) => compareNorwegian(a.name, b.name));
  }, [results]);

  const total = results.reduce((sum, result) => sum + (result.data?.total ?? 0), 0);
  const shown = options.length;
  const choices = selected && !options.some((option) => option.id === selected.id) ? [{ ...selected, kind: undefined }, ...options] : options;

  return {
    parentKinds,
    choices,
    kindOf: (id: string) => options.find((option) => option.id === id)?.kind,
    needsSearch: total > shown || query !== '',
    searchText: search.typed,
    setSearchText: search.onSearch,
    shown,
    total,
  };
}

export interface ActorFormProps {
  values: ActorFormValues;
  onChange: (field: ActorFormField, value: string) => void;
  errors: readonly ShownFieldError[];
  /** Changes on every submit that found errors: focus moves to the summary. */
  submitCount: number;
  /** The chosen parent's name when the form starts, so it shows before the options load. */
  initialParent: { id: string; name: string } | null;
  /** A message at the top (save failed, someone else saved first). */
  notice?: ReactNode;
  submitLabel: string;
  submitting: boolean;
  onSubmit: (parentKind: ActorKind | undefined) => void;
  /** A way back (a router link). */
  cancel: ReactNode;
  /** Only the address and contact details: for a user who may update the actor but not where it belongs (a library editor). */
  contactOnly?: boolean;
}

/**
 * Every editable field of an actor, grouped; each error beside its field and in a summary
 * at the top that links to it. The caller owns the values, the saving and the errors.
 */
export function ActorForm({
  values,
  onChange,
  errors,
  submitCount,
  initialParent,
  notice,
  submitLabel,
  submitting,
  onSubmit,
  cancel,
  contactOnly = false,
}: ActorFormProps) {
  const { t } = useTranslation();
  const municipalities = useQuery(municipalityQueries.list());
  const selectedParent = values.parentId
    ? { id: values.parentId, name: initialParent?.id === values.parentId ? initialParent.name : values.parentId }
    : null;
  const parents = useParentOptions(values.kind, selectedParent);

  // A kind that stands alone cannot keep a parent chosen for another kind.
  useEffect(() => {
    if (values.kind && parents.parentKinds.length === 0 && values.parentId) onChange('parentId', '');
  }, [values.kind, values.parentId, parents.parentKinds.length, onChange]);

  const { messageAt: fieldError, summary } = errorMessages(errors, {
    messageOf: (error: ShownFieldError) => fieldErrorText(t, error, error.value),
    fieldIdOf: (path) => actorFieldId(isActorFormField(path) ? path : 'kind'),
    labelOf: (path) => (isActorFormField(path) ? t(`actorField.${path}.label`) : undefined),
  });

  const required = t('common.required');
  const field = bindFields({
    values,
    set: onChange,
    idOf: actorFieldId,
    labelOf: (name) => t(`actorField.${name}.label`),
    helpOf: (name) => t(`actorField.${name}.help`),
    errorAt: fieldError,
  });

  const contactFields = (
    <fieldset className="ds-fieldset">
      <legend>{t('actors.form.groups.contact')}</legend>
      {contactOnly && <TextField {...field('address')} autoComplete="street-address" />}
      <TextField {...field('website')} type="url" inputMode="url" autoComplete="url" />
      <TextField {...field('email')} type="email" inputMode="email" autoComplete="email" />
      <TextField {...field('phone')} type="tel" inputMode="tel" autoComplete="tel" />
    </fieldset>
  );

  const aboutFields = (
    <fieldset className="ds-fieldset">
      <legend>{t('actors.form.groups.about')}</legend>
      <TextArea {...field('description')} rows={5} />
    </fieldset>
  );

  if (contactOnly) {
    return (
      <RecordForm
        summary={summary}
        submitCount={submitCount}
        notice={notice}
        intro={t(`actors.form.contactOnlyIntro.${contactOnlyIntroOf(values.kind)}`)}
        submitLabel={submitLabel}
        submitting={submitting}
        onSubmit={() => onSubmit(undefined)}
        cancel={cancel}
      >
        {contactFields}
        {aboutFields}
      </RecordForm>
    );
  }

  return (
    <RecordForm
      summary={summary}
      submitCount={submitCount}
      notice={notice}
      intro={t('actors.form.intro', { required })}
      submitLabel={submitLabel}
      submitting={submitting}
      onSubmit={() => onSubmit(values.parentId ? parents.kindOf(values.parentId) : undefined)}
      cancel={cancel}
    >

      <fieldset className="ds-fieldset">
        <legend>{t('actors.form.groups.identity')}</legend>
        <Select
          {...field('kind')}
          requiredLabel={required}
          emptyOption={t('common.chooseOne')}
          options={optionsByLabel(actorKinds, (kind) => t(`actorKind.${kind}`))}
        />
        <TextField {...field('name')} requiredLabel={required} autoComplete="organization" />
        <TextField {...field('shortName')} />
      </fieldset>

      <fieldset className="ds-fieldset">
        <legend>{t('actors.form.groups.identifiers')}</legend>
        <TextField {...field('organisationNumber')} inputMode="numeric" autoComplete="off" />
        <TextField {...field('libraryNumber')} inputMode="numeric" autoComplete="off" />
      </fieldset>

      <fieldset className="ds-fieldset">
        <legend>{t('actors.form.groups.location')}</legend>
        <SearchablePicker
          {...pickerField(field('municipalityNumber'))}
          loading={municipalities.isPending}
          options={(municipalities.data?.items ?? []).map((municipality) => ({
            value: municipality.number,
            label: municipality.regionName ? `${municipality.name} (${municipality.regionName})` : municipality.name,
          }))}
        />
        {parents.needsSearch && parents.parentKinds.length > 0 && (
          <TextField
            type="search"
            label={t('actorField.parentId.search')}
            description={t('actorField.parentId.searchHelp', { shown: parents.shown, total: parents.total })}
            value={parents.searchText}
            onChange={(event) => parents.setSearchText(event.target.value)}
          />
        )}
        {values.kind && parents.parentKinds.length === 0 ? (
          // Nothing to choose: say so instead of showing a disabled control.
          <div className="ds-field">
            <span className="ds-label">{t('actorField.parentId.label')}</span>
            <p className="ds-paragraph">{t('actorField.parentId.notApplicable')}</p>
          </div>
        ) : (
          <Select
            {...field('parentId')}
            emptyOption={t('common.none')}
            options={parents.choices.map((choice) => ({
              value: choice.id,
              label: choice.kind ? `${choice.name} (${t(`actorKind.${choice.kind}`)})` : choice.name,
            }))}
          />
        )}
        <TextField {...field('address')} autoComplete="street-address" />
      </fieldset>

      {contactFields}

      {aboutFields}
    </RecordForm>
  );
}
