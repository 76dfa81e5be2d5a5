import { openingHoursQueries, trySave, useImportOpeningHours, useSaveOpeningHours } from '@kompetansebro/api-client';
import { weekdays, type FieldError, type OpeningHours } from '@kompetansebro/domain';
import {
  Alert,
  Button,
  Checkbox,
  ErrorSummary,
  exceptionFieldId,
  FailureAlert,
  gridColumns,
  gridFieldId,
  inputOf,
  LoadingState,
  newKey,
  openingHoursErrors,
  openingHoursErrorText,
  Page,
  QueryError,
  Section,
  seasonFieldId,
  StaleSaveNotice,
  TextField,
  useFocusAfterRender,
  useFormSubmit,
  useStaleSave,
  valuesOf,
  WeekGridTable,
  type OpeningHoursValues,
  type WeekGrid,
} from '@kompetansebro/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLibraryFeature } from './library-feature-context';
import { OpeningNow, WeekTable } from './opening-now';
import './library.css';

const addSeasonId = 'hours-add-season';
const addExceptionId = 'hours-add-exception';

/** "Endre åpningstider" for one library or branch (`$id`): its weekly timetable, seasons, single days and the holiday rule. */
export function OpeningHoursPage() {
  const { t } = useTranslation();
  const { id } = useParams({ strict: false }) as { id: string };
  const hours = useQuery(openingHoursQueries.detail(id));
  if (hours.isPending) return <LoadingState />;
  if (hours.isError) {
    return (
      <Page title={t('library.hours.editTitleFallback')}>
        <QueryError error={hours.error} onRetry={() => void hours.refetch()} headingLevel={2} />
      </Page>
    );
  }
  return <OpeningHoursEditor key={hours.data.id} hours={hours.data} />;
}

/** The grid's columns; each column's label is `library.hours.<column>`. */

/** The label of an input of the form, by its id, for the error summary ("Sommertid – Lørdag: Betjent til"). */
function labelOfField(t: TFunction, values: OpeningHoursValues, fieldId: string): string | undefined {
  // A season not yet named is called by its number, as its week's caption calls it.
  const seasonName = (index: number) => values.seasons[index]?.name.trim() || t('library.hours.seasonNumber', { number: index + 1 });
  for (const weekday of weekdays) {
    for (const column of gridColumns) {
      const label = `${t(`library.weekday.${weekday}`)}: ${t(`library.hours.${column}`)}`;
      if (fieldId === gridFieldId('weekly', weekday, column)) return label;
      const season = values.seasons.findIndex((candidate) => fieldId === gridFieldId(`season-${candidate.key}`, weekday, column));
      if (season >= 0) return `${seasonName(season)} – ${label}`;
    }
  }
  for (const [index, season] of values.seasons.entries()) {
    if (fieldId === seasonFieldId(season.key, 'name')) return `${t('library.hours.seasonNumber', { number: index + 1 })} – ${t('library.hours.seasonName')}`;
    if (fieldId === seasonFieldId(season.key, 'from')) return `${seasonName(index)} – ${t('library.hours.seasonFrom')}`;
    if (fieldId === seasonFieldId(season.key, 'to')) return `${seasonName(index)} – ${t('library.hours.seasonTo')}`;
  }
  for (const [index, exception] of values.exceptions.entries()) {
    const field = (['date', 'from', 'to', 'note'] as const).find((candidate) => fieldId === exceptionFieldId(exception.key, candidate));
    if (field) {
      const fieldLabel = { date: t('library.hours.exceptionDate'), from: t('library.hours.staffedFrom'), to: t('library.hours.staffedTo'), note: t('library.hours.exceptionNote') }[field];
      return `${t('library.hours.exceptionNumber', { number: index + 1 })} – ${fieldLabel}`;
    }
  }
  return undefined;
}

/** Errors of the last save, with the inputs their paths named then. */
interface ShownErrors {
  errors: readonly FieldError[];
  fields: Map<string, string>;
}

function OpeningHoursEditor({ hours }: { hours: OpeningHours }) {
  const { t } = useTranslation();
  const { paths } = useLibraryFeature();
  const queryClient = useQueryClient();
  const save = useSaveOpeningHours(hours.id);
  const importOsm = useImportOpeningHours(hours.id);
  const [values, setValues] = useState<OpeningHoursValues>(() => valuesOf(hours));
  const [version, setVersion] = useState(hours.version);
  const [shown, setShown] = useState<ShownErrors>({ errors: [], fields: new Map() });
  const [attempts, setAttempts] = useState(0);
  const [saved, setSaved] = useState(false);
  const stale = useStaleSave<'hours'>();
  // The inputs the paths of the last attempt named (the API's errors name paths of what was sent).
  const sentFields = useRef<ShownErrors['fields']>(new Map());
  const submit = useFormSubmit({
    showErrors: (errors) => {
      setShown({ errors, fields: sentFields.current });
      setAttempts((count) => count + 1);
    },
    onStale: stale.detected,
  });

  const messageAt = (fieldId: string) => {
    const error = shown.errors.find((candidate) => shown.fields.get(candidate.path) === fieldId);
    return error ? openingHoursErrorText(t, error) : undefined;
  };
  const summary = shown.errors.map((error) => {
    const fieldId = shown.fields.get(error.path);
    const label = fieldId ? labelOfField(t, values, fieldId) : undefined;
    return { fieldId: fieldId ?? 'hours-save', label, message: openingHoursErrorText(t, error) };
  });

  const onSave = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    submit.start();
    const { input, fields } = inputOf(values);
    sentFields.current = fields;
    // Every error the API would find, found here on the first save (the API checks again).
    const found = openingHoursErrors(input);
    setShown({ errors: found, fields });
    if (found.length > 0) {
      setAttempts((count) => count + 1);
      return;
    }
    const result = await trySave(save.mutateAsync({ changes: input, version }));
    if (submit.settle(result)) {
      setVersion(result.data.version);
      setValues(valuesOf(result.data));
      setSaved(true);
    }
  };

  const loadLatest = () =>
    void stale.loadLatest(async () => {
      const latest = await queryClient.fetchQuery({ ...openingHoursQueries.detail(hours.id), staleTime: 0 });
      // Their version is the new base; what is in the form stays, and saving again replaces theirs.
      setVersion(latest.version);
      return [];
    });

  // Adding a row goes to its first field; removing one to the add button that stays (the removed button took the focus along).
  const focusAfterRender = useFocusAfterRender();
  const addSeason = () => {
    const key = newKey();
    // A new season starts from the ordinary week, to be changed where it differs.
    setValues((current) => ({ ...current, seasons: [...current.seasons, { key, name: t('library.hours.summerDefault'), from: '', to: '', grid: current.weekly }] }));
    focusAfterRender(seasonFieldId(key, 'name'));
  };
  const removeSeason = (key: string) => {
    setValues((current) => ({ ...current, seasons: current.seasons.filter((candidate) => candidate.key !== key) }));
    focusAfterRender(addSeasonId);
  };
  const addException = () => {
    const key = newKey();
    setValues((current) => ({ ...current, exceptions: [...current.exceptions, { key, date: '', closed: true, from: '', to: '', note: '' }] }));
    focusAfterRender(exceptionFieldId(key, 'date'));
  };
  const removeException = (key: string) => {
    setValues((current) => ({ ...current, exceptions: current.exceptions.filter((candidate) => candidate.key !== key) }));
    focusAfterRender(addExceptionId);
  };

  const setGrid = (update: (grid: WeekGrid) => WeekGrid) => setValues((current) => ({ ...current, weekly: update(current.weekly) }));

  return (
    <Page
      title={t('library.hours.editTitle', { name: hours.actorName })}
      actions={
        <Link className="ds-link" to={paths.openingHoursList}>
          {t('library.hours.backToList')}
        </Link>
      }
    >
      <div className="kb-stack">
        <OpeningNow hours={hours} />
        <WeekTable hours={hours} caption={t('library.hours.thisWeek')} />

        <form className="kb-stack" onSubmit={(event) => void onSave(event)} noValidate id="hours-save">
          <ErrorSummary errors={summary} focusKey={attempts} />
          <StaleSaveNotice conflict={stale.conflict} fieldLabel={() => t('library.hours.listTitle')} onLoadLatest={loadLatest} />
          <FailureAlert title={t('library.hours.saveFailed')} message={submit.failure} />

          <Section id="hours-weekly" title={t('library.hours.weeklyTitle')} intro={t('library.hours.weeklyIntro')} className="kb-stack">
            <WeekGridTable prefix="weekly" grid={values.weekly} onChange={setGrid} messageAt={messageAt} caption={t('library.hours.weeklyTitle')} />
          </Section>

          <Section id="hours-seasons" title={t('library.hours.seasonsTitle')} intro={t('library.hours.seasonsIntro')} className="kb-stack">
            {values.seasons.map((season, index) => {
              const setSeason = (change: Partial<typeof season>) =>
                setValues((current) => ({ ...current, seasons: current.seasons.map((candidate) => (candidate.key === season.key ? { ...candidate, ...change } : candidate)) }));
              return (
                <fieldset key={season.key} className="ds-fieldset kb-stack">
                  <legend className="ds-heading" data-size="xs">
                    {season.name || t('library.hours.seasonNumber', { number: index + 1 })}
                  </legend>
                  <TextField id={seasonFieldId(season.key, 'name')} label={t('library.hours.seasonName')} value={season.name} error={messageAt(seasonFieldId(season.key, 'name'))} onChange={(event) => setSeason({ name: event.target.value })} />
                  <div className="kb-cluster">
                    <TextField id={seasonFieldId(season.key, 'from')} type="date" label={t('library.hours.seasonFrom')} value={season.from} error={messageAt(seasonFieldId(season.key, 'from'))} onChange={(event) => setSeason({ from: event.target.value })} />
                    <TextField id={seasonFieldId(season.key, 'to')} type="date" label={t('library.hours.seasonTo')} value={season.to} error={messageAt(seasonFieldId(season.key, 'to'))} onChange={(event) => setSeason({ to: event.target.value })} />
                  </div>
                  <WeekGridTable
                    prefix={`season-${season.key}`}
                    grid={season.grid}
                    onChange={(update) => setSeason({ grid: update(season.grid) })}
                    messageAt={messageAt}
                    caption={t('library.hours.seasonGrid', { name: season.name || t('library.hours.seasonNumber', { number: index + 1 }) })}
                  />
                  <p>
                    <Button variant="tertiary" color="danger" onClick={() => removeSeason(season.key)}>
                      {t('library.hours.removeSeason', { name: season.name || t('library.hours.seasonNumber', { number: index + 1 }) })}
                    </Button>
                  </p>
                </fieldset>
              );
            })}
            <p>
              <Button id={addSeasonId} variant="secondary" onClick={addSeason}>
                {t('library.hours.addSeason')}
              </Button>
            </p>
          </Section>

          <Section id="hours-exceptions" title={t('library.hours.exceptionsTitle')} intro={t('library.hours.exceptionsIntro')} className="kb-stack">
            {values.exceptions.map((exception, index) => {
              const setException = (change: Partial<typeof exception>) =>
                setValues((current) => ({ ...current, exceptions: current.exceptions.map((candidate) => (candidate.key === exception.key ? { ...candidate, ...change } : candidate)) }));
              return (
                <fieldset key={exception.key} className="ds-fieldset kb-stack">
                  <legend className="ds-heading" data-size="xs">
                    {t('library.hours.exceptionNumber', { number: index + 1 })}
                  </legend>
                  <div className="kb-cluster">
                    <TextField id={exceptionFieldId(exception.key, 'date')} type="date" label={t('library.hours.exceptionDate')} value={exception.date} error={messageAt(exceptionFieldId(exception.key, 'date'))} onChange={(event) => setException({ date: event.target.value })} />
                    <TextField id={exceptionFieldId(exception.key, 'note')} label={t('library.hours.exceptionNote')} value={exception.note} error={messageAt(exceptionFieldId(exception.key, 'note'))} onChange={(event) => setException({ note: event.target.value })} />
                  </div>
                  <Checkbox id={`hours-exception-${exception.key}-closed`} label={t('library.hours.exceptionClosed')} checked={exception.closed} onChange={(event) => setException({ closed: event.target.checked })} />
                  {!exception.closed && (
                    <div className="kb-cluster">
                      <TextField id={exceptionFieldId(exception.key, 'from')} inputMode="numeric" label={t('library.hours.staffedFrom')} value={exception.from} error={messageAt(exceptionFieldId(exception.key, 'from'))} onChange={(event) => setException({ from: event.target.value })} />
                      <TextField id={exceptionFieldId(exception.key, 'to')} inputMode="numeric" label={t('library.hours.staffedTo')} value={exception.to} error={messageAt(exceptionFieldId(exception.key, 'to'))} onChange={(event) => setException({ to: event.target.value })} />
                    </div>
                  )}
                  <p>
                    <Button variant="tertiary" color="danger" onClick={() => removeException(exception.key)}>
                      {t('library.hours.removeException', { number: index + 1 })}
                    </Button>
                  </p>
                </fieldset>
              );
            })}
            <p>
              <Button id={addExceptionId} variant="secondary" onClick={addException}>
                {t('library.hours.addException')}
              </Button>
            </p>
            <Checkbox
              id="hours-open-on-holidays"
              label={t('library.hours.openOnPublicHolidays')}
              checked={values.openOnPublicHolidays}
              onChange={(event) => setValues((current) => ({ ...current, openOnPublicHolidays: event.target.checked }))}
            />
          </Section>

          <div className="kb-cluster">
            <Button type="submit" loading={save.isPending}>
              {t('library.hours.save')}
            </Button>
            <p role="status" className="ds-paragraph">
              {saved ? t('library.hours.saved') : ''}
            </p>
          </div>
        </form>

        <OsmSection
          hours={hours}
          version={version}
          importOsm={importOsm}
          onImported={(imported) => {
            setVersion(imported.version);
            setValues(valuesOf(imported));
          }}
        />
      </div>
    </Page>
  );
}

/** The hours in OpenStreetMap's syntax, to copy to the municipality's site or a map, and taking over a weekly timetable from it. */
function OsmSection({
  hours,
  version,
  onImported,
  importOsm,
}: {
  hours: OpeningHours;
  version: number;
  onImported: (hours: OpeningHours) => void;
  importOsm: ReturnType<typeof useImportOpeningHours>;
}) {
  const { t } = useTranslation();
  const [openingHours, setOpeningHours] = useState(hours.osm.openingHours);
  const [selfService, setSelfService] = useState(hours.osm.selfService);
  const [errors, setErrors] = useState<readonly FieldError[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const errorAt = (path: string) => {
    const error = errors.find((candidate) => candidate.path === path);
    return error ? openingHoursErrorText(t, error) : undefined;
  };
  const onImport = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    setFailure(null);
    const result = await trySave(importOsm.mutateAsync({ changes: { openingHours, selfService }, version }));
    if (result.ok) {
      setErrors([]);
      setDone(true);
      onImported(result.data);
    } else if (result.kind === 'fields') setErrors(result.errors);
    else setFailure(result.kind === 'stale' ? t('library.hours.importStale') : t('library.hours.saveFailed'));
  };
  return (
    <Section id="hours-osm" title={t('library.hours.osmTitle')} intro={t('library.hours.osmIntro')} className="kb-stack">
      <dl className="kb-stack">
        <dt>opening_hours</dt>
        <dd className="kb-hours-osm">{hours.osm.openingHours || '–'}</dd>
        <dt>opening_hours:self_service</dt>
        <dd className="kb-hours-osm">{hours.osm.selfService || '–'}</dd>
      </dl>
      <form className="kb-stack" onSubmit={(event) => void onImport(event)} noValidate>
        <TextField id="osm-openingHours" label={t('library.hours.osmStaffed')} spellCheck={false} value={openingHours} error={errorAt('openingHours')} onChange={(event) => setOpeningHours(event.target.value)} />
        <TextField id="osm-selfService" label={t('library.hours.osmSelfService')} spellCheck={false} value={selfService} error={errorAt('selfService')} onChange={(event) => setSelfService(event.target.value)} />
        {failure && (
          <Alert color="danger" role="alert">
            {failure}
          </Alert>
        )}
        <div className="kb-cluster">
          <Button type="submit" variant="secondary" loading={importOsm.isPending}>
            {t('library.hours.osmImport')}
          </Button>
          <p role="status" className="ds-paragraph">
            {done ? t('library.hours.imported') : ''}
          </p>
        </div>
      </form>
    </Section>
  );
}
