import { activityDateBounds, activityKinds, totalHeadCount } from '@kompetansebro/domain';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import {
  bindFields,
  Button,
  errorMessages,
  fieldErrorText,
  optionsByLabel,
  RecordForm,
  Select,
  type ShownFieldError,
  TextArea,
  TextField,
} from '@kompetansebro/ui';
import { PICKER_SEARCH_SIZE, pickerField, SearchablePicker, usePickerSearch } from '@kompetansebro/ui/searchable-picker';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useActivityFeature } from './activity-feature-context';
import { activityFieldId, linkKinds, type ActivityFormValues, type LinkRow, type ParticipantRow } from './activity-form-values';
import { organiserKinds, participantKinds, useActorOptions, type ActorOption } from './use-actor-options';

const ownCodes = [
  'end_before_start',
  'end_time_before_start',
  'end_time_without_start',
  'duplicate',
  'actor_not_found',
  'lone_surrogate',
  'date_too_early',
  'date_too_far_ahead',
] as const;

/** A field error in the user's language: the activity rules' own codes, then the shared texts. */
export function activityErrorText(t: TFunction, error: ShownFieldError): string {
  const own = (ownCodes as readonly string[]).find((code) => code === error.code);
  if (own) return t(`activities.validation.${own as (typeof ownCodes)[number]}`, { earliestYear: activityDateBounds.earliest.slice(0, 4), years: activityDateBounds.yearsAhead });
  if (/^participants\.\d+\.headCount$/.test(error.path) && error.value.trim() !== '') return t('activities.validation.headCount');
  return fieldErrorText(t, error, error.value);
}

/** The label a summary line starts with: the field's, or the participant's / link's. */
function fieldLabel(t: TFunction, values: ActivityFormValues, path: string): string {
  const [field, index, key] = path.split('.');
  if (field === 'participants') {
    const name = values.participants[Number(index)]?.actorName ?? '';
    return key === 'headCount' ? t('activityField.headCount.labelFor', { name }) : t('activityField.participants.label');
  }
  if (field === 'links') {
    const row = Number(index) + 1;
    if (key === 'url') return t('activityField.links.urlFor', { row });
    if (key === 'label') return t('activityField.links.labelFor', { row });
    return t('activityField.links.label');
  }
  switch (field) {
    case 'kind':
    case 'title':
    case 'startDate':
    case 'endDate':
    case 'startTime':
    case 'endTime':
    case 'place':
    case 'onlineUrl':
    case 'organiserId':
    case 'description':
      return t(`activityField.${field}.label`);
    default:
      return t('activities.form.unknownField');
  }
}

/** Where a summary link goes: the field's control, or the nearest one that exists. */
function summaryTarget(path: string): string {
  if (/^(participants|links)\.\d+\.(headCount|label|url|kind)$/.test(path)) return activityFieldId(path);
  if (/^participants\.\d+/.test(path) || path === 'participants') return activityFieldId('participantSearch');
  if (/^links/.test(path)) return activityFieldId('addLink');
  if (['kind', 'title', 'startDate', 'endDate', 'startTime', 'endTime', 'place', 'onlineUrl', 'organiserId', 'description'].includes(path)) return activityFieldId(path);
  return activityFieldId('kind');
}

export interface ActivityFormProps {
  values: ActivityFormValues;
  onChange: (change: (values: ActivityFormValues) => ActivityFormValues) => void;
  errors: readonly ShownFieldError[];
  /** Changes on every submit that found errors: focus moves to the summary. */
  submitCount: number;
  /** The organiser's name when the form starts, so it shows before the options load. */
  initialOrganiser: { id: string; name: string } | null;
  /** Outside the county the organiser is the user's own organisation: shown, not chosen. */
  ownOrganiser?: { id: string; name: string } | null;
  notice?: ReactNode;
  submitLabel: string;
  submitting: boolean;
  onSubmit: () => void;
  cancel: ReactNode;
}

/**
 * Every field of an activity: what and when, who organised it, who took part (search and add
 * actors, each with a head count), and links. Each error beside its field and in a summary.
 */
export function ActivityForm({ values, onChange, errors, submitCount, initialOrganiser, ownOrganiser = null, notice, submitLabel, submitting, onSubmit, cancel }: ActivityFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { kinds } = useActivityFeature();
  const organisers = useActorOptions(organiserKinds);

  // Libraries of every kind, hundreds at national scale: found by the server as the user types.
  const participantSearch = usePickerSearch();
  // An actor added once is not offered again, nor counted among those offered.
  const candidates = useActorOptions(
    participantKinds,
    participantSearch.q,
    PICKER_SEARCH_SIZE,
    values.participants.map((participant) => participant.actorId),
  );
  // The actor itself, not its id: a new search may leave it out of the options before it is added.
  const [chosen, setChosen] = useState<ActorOption | null>(null);
  const actorLabel = (actor: ActorOption) => `${actor.name} (${t(`actorKind.${actor.kind}`)})`;
  const [addedMessage, setAddedMessage] = useState('');

  const { messageAt: fieldError, summary } = errorMessages(errors, {
    messageOf: (error) => activityErrorText(t, error),
    fieldIdOf: summaryTarget,
    labelOf: (path) => fieldLabel(t, values, path),
  });

  const field = bindFields({
    values,
    set: (name, value) => onChange((current) => (current[name] === value ? current : { ...current, [name]: value })),
    idOf: activityFieldId,
    labelOf: (name) => t(`activityField.${name}.label`),
    helpOf: (name) => (name === 'kind' ? undefined : t(`activityField.${name}.help`)),
    errorAt: fieldError,
  });
  const setParticipant = (index: number, change: Partial<ParticipantRow>) =>
    onChange((current) => ({ ...current, participants: current.participants.map((row, i) => (i === index ? { ...row, ...change } : row)) }));
  const setLink = (index: number, change: Partial<LinkRow>) =>
    onChange((current) => ({ ...current, links: current.links.map((row, i) => (i === index ? { ...row, ...change } : row)) }));

  const addParticipant = () => {
    const actor = chosen;
    if (!actor || values.participants.some((participant) => participant.actorId === actor.id)) return;
    onChange((current) => ({ ...current, participants: [...current.participants, { actorId: actor.id, actorName: actor.name, headCount: '' }] }));
    setChosen(null);
    participantSearch.onSearch('');
    setAddedMessage(t('activities.form.participantAdded', { name: actor.name }));
    // The new row's head count is what the user fills in next.
    const index = values.participants.length;
    setTimeout(() => document.getElementById(activityFieldId(`participants.${index}.headCount`))?.focus(), 0);
  };

  const removeParticipant = (index: number) => {
    const name = values.participants[index]?.actorName ?? '';
    onChange((current) => ({ ...current, participants: current.participants.filter((_, i) => i !== index) }));
    setAddedMessage(t('activities.form.participantRemoved', { name }));
    document.getElementById(activityFieldId('participantSearch'))?.focus();
  };

  const knownTotal = totalHeadCount(
    values.participants.map((participant) => ({ headCount: /^\d+$/.test(participant.headCount.trim()) ? Number(participant.headCount.trim()) : null })),
  );

  const organiserChoices =
    values.organiserId && initialOrganiser?.id === values.organiserId && !organisers.options.some((option) => option.id === values.organiserId)
      ? [{ id: initialOrganiser.id, name: initialOrganiser.name }, ...organisers.options]
      : organisers.options;

  const required = t('common.required');
  return (
    <RecordForm
      wide
      summary={summary}
      submitCount={submitCount}
      notice={notice}
      intro={t('activities.form.intro', { required })}
      submitLabel={submitLabel}
      submitting={submitting}
      onSubmit={onSubmit}
      cancel={cancel}
    >

      <fieldset className="ds-fieldset">
        <legend>{t('activities.form.groups.what')}</legend>
        <Select
          {...field('kind')}
          requiredLabel={required}
          emptyOption={t('common.chooseOne')}
          options={optionsByLabel(kinds ?? activityKinds, (kind) => t(`activityKind.${kind}`))}
        />
        <TextField {...field('title')} requiredLabel={required} />
        <TextField {...field('startDate')} type="date" requiredLabel={required} />
        <TextField {...field('endDate')} type="date" />
        <TextField {...field('startTime')} type="time" />
        <TextField {...field('endTime')} type="time" />
        <TextField {...field('place')} />
        <TextField {...field('onlineUrl')} type="url" inputMode="url" />
        {ownOrganiser ? (
          <div className="ds-field">
            <span className="ds-label">{t('activityField.organiserId.label')}</span>
            <p className="ds-paragraph" id={activityFieldId('organiserId')}>
              {ownOrganiser.name}
            </p>
          </div>
        ) : (
          <SearchablePicker {...pickerField(field('organiserId'))} options={organiserChoices.map((actor) => ({ value: actor.id, label: actor.name }))} />
        )}
        <TextArea {...field('description')} rows={5} />
      </fieldset>

      <fieldset className="ds-fieldset">
        <legend>{t('activities.form.groups.participants')}</legend>
        <p className="ds-paragraph">{t('activities.form.participantsHelp')}</p>
        <div className="kb-participant-row">
          <SearchablePicker
            id={activityFieldId('participantSearch')}
            label={t('activities.form.participantSearch')}
            description={t('activities.form.participantSearchHelp')}
            error={fieldError('participants') ?? (candidates.isError ? t('states.errorBody') : undefined)}
            search={participantSearch}
            matches={candidates.matches}
            loading={candidates.isFetching}
            options={candidates.options.map((actor) => ({ value: actor.id, label: actorLabel(actor) }))}
            value={chosen?.id ?? ''}
            onChange={(id) => setChosen(candidates.options.find((actor) => actor.id === id) ?? null)}
          />
          <Button variant="secondary" onClick={addParticipant} disabled={!chosen}>
            {t('activities.form.addParticipant')}
          </Button>
        </div>
        <p className="ds-sr-only" role="status">
          {addedMessage}
        </p>

        {values.participants.length === 0 ? (
          <p className="ds-paragraph">{t('activities.form.noParticipants')}</p>
        ) : (
          <ul className="kb-stack kb-participant-list" aria-label={t('activities.form.chosenParticipants')}>
            {values.participants.map((participant, index) => (
              <li key={participant.actorId} className="kb-participant-row">
                <TextField
                  id={activityFieldId(`participants.${index}.headCount`)}
                  inputMode="numeric"
                  label={t('activityField.headCount.labelFor', { name: participant.actorName })}
                  error={fieldError(`participants.${index}.headCount`) ?? fieldError(`participants.${index}.actorId`)}
                  value={participant.headCount}
                  onChange={(event) => setParticipant(index, { headCount: event.target.value })}
                />
                <Button variant="tertiary" color="danger" onClick={() => removeParticipant(index)}>
                  {t('activities.form.removeParticipant', { name: participant.actorName })}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <p className="ds-paragraph" aria-live="polite">
          {values.participants.length === 0
            ? ''
            : knownTotal === null
            ? t('activities.form.totalUnknown', { count: values.participants.length })
            : t('activities.form.total', { count: values.participants.length, people: formatNumber(knownTotal, language) })}
        </p>
      </fieldset>

      <fieldset className="ds-fieldset">
        <legend>{t('activities.form.groups.links')}</legend>
        <p className="ds-paragraph">{t('activities.form.linksHelp')}</p>
        {values.links.map((link, index) => (
          <div key={index} className="kb-link-row">
            <Select
              id={activityFieldId(`links.${index}.kind`)}
              label={t('activityField.links.kindFor', { row: index + 1 })}
              error={fieldError(`links.${index}.kind`)}
              options={linkKinds.map((kind) => ({ value: kind, label: t(`activityLinkKind.${kind}`) }))}
              value={link.kind}
              onChange={(event) => setLink(index, { kind: event.target.value })}
            />
            <TextField
              id={activityFieldId(`links.${index}.label`)}
              label={t('activityField.links.labelFor', { row: index + 1 })}
              error={fieldError(`links.${index}.label`)}
              value={link.label}
              onChange={(event) => setLink(index, { label: event.target.value })}
            />
            <TextField
              id={activityFieldId(`links.${index}.url`)}
              type="url"
              inputMode="url"
              label={t('activityField.links.urlFor', { row: index + 1 })}
              error={fieldError(`links.${index}.url`)}
              value={link.url}
              onChange={(event) => setLink(index, { url: event.target.value })}
            />
            <Button
              variant="tertiary"
              color="danger"
              onClick={() => onChange((current) => ({ ...current, links: current.links.filter((_, i) => i !== index) }))}
            >
              {t('activities.form.removeLink', { row: index + 1 })}
            </Button>
          </div>
        ))}
        <div>
          <Button
            id={activityFieldId('addLink')}
            variant="secondary"
            onClick={() => {
              const index = values.links.length;
              onChange((current) => ({ ...current, links: [...current.links, { kind: 'recording', label: '', url: '' }] }));
              setTimeout(() => document.getElementById(activityFieldId(`links.${index}.kind`))?.focus(), 0);
            }}
          >
            {t('activities.form.addLink')}
          </Button>
        </div>
      </fieldset>
    </RecordForm>
  );
}
