import { liaisonQueries, useSaveStudentCounts } from '@kompetansebro/api-client';
import {
  keyStudentServices,
  MAX_STUDENT_COUNT,
  serviceGaps,
  studentCountQuerySchema,
  studentsWithoutService,
  type NeedsRow,
  type StudentCountPeriod,
  type FieldError,
  type StudentCountSet,
  parseWholeNumberText,
} from '@kompetansebro/domain';
import { formatDate, formatNumber, intlLocale, useLanguage } from '@kompetansebro/i18n';
import {
  Alert,
  Button,
  DataTable,
  ErrorSummary,
  fieldErrorText,
  httpErrorText,
  LoadingState,
  Page,
  QueryError,
  Section,
  Select,
  TextField,
  useListSearch,
  useUnsavedChangesGuard,
  type ErrorSummaryItem,
  type TableColumn,
} from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useLiaisonPaths } from './liaison-feature-context';

/** The periods offered: "current" and the academic years around this one. */
function periodOptions(now = new Date()): StudentCountPeriod[] {
  const year = now.getFullYear();
  return ['current', String(year - 1), String(year), String(year + 1)];
}

/** The period in the URL (`?periode=2026`); "current" when left out. */
const needsSearchSchema = z.object({ periode: studentCountQuerySchema.shape.period });

const fieldId = (municipalityNumber: string) => `students-${municipalityNumber}`;

/** What the form holds: the text typed per municipality (empty is 0). */
type Draft = Record<string, string>;

function draftOf(counts: StudentCountSet): Draft {
  return Object.fromEntries(counts.counts.map((c) => [c.municipalityNumber, String(c.count)]));
}

function parseCount(text: string | undefined): number | null {
  if ((text ?? '').trim() === '') return 0;
  // "1 200" as Norwegians type it, and as the page prints it.
  const count = parseWholeNumberText(text ?? '');
  return count !== null && count <= MAX_STUDENT_COUNT ? count : null;
}

/** Why a typed count cannot be saved, in words (too big: the domain's own maximum); undefined when it can. */
function countErrorText(t: TFunction, text: string | undefined): string | undefined {
  if (parseCount(text) !== null) return undefined;
  return parseWholeNumberText(text ?? '') === null
    ? t('liaison.needs.invalidCount')
    : fieldErrorText(t, { path: 'count', code: 'too_big', message: '', params: { maximum: MAX_STUDENT_COUNT } });
}

/**
 * Needs and offer: the university enters how many of its distance students live in each
 * municipality; the page sets them against the key services the libraries there offer and
 * states the gaps in words and in a table.
 */
export function NeedsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const paths = useLiaisonPaths();
  const { view, update } = useListSearch(needsSearchSchema, paths.needs);
  const period = view.periode;
  const counts = useQuery(liaisonQueries.counts(period));
  const needs = useQuery(liaisonQueries.needs(period));
  const save = useSaveStudentCounts(period);

  const [draft, setDraft] = useState<Draft | null>(null);
  const [submitted, setSubmitted] = useState(0);
  const [stale, setStale] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);
  // The API's field errors of the last save, by municipality (its paths count the rows sent: "counts.0.count").
  const [serverErrors, setServerErrors] = useState<Record<string, FieldError>>({});

  // A fresh form for each period, filled when its counts arrive.
  useEffect(() => {
    setDraft(null);
    setStale(false);
    setSavedNotice(false);
  }, [period]);
  useEffect(() => {
    if (counts.data && draft === null) setDraft(draftOf(counts.data));
  }, [counts.data, draft]);

  const saved = useMemo(() => (counts.data ? draftOf(counts.data) : {}), [counts.data]);
  const municipalities = useMemo(() => needs.data?.municipalities ?? [], [needs.data]);
  const dirty = draft !== null && municipalities.some((m) => (parseCount(draft[m.municipalityNumber]) ?? -1) !== (parseCount(saved[m.municipalityNumber]) ?? 0));
  const guard = useUnsavedChangesGuard(dirty);

  const messageAt = (municipalityNumber: string): string | undefined => {
    const value = draft?.[municipalityNumber] ?? '';
    const own = submitted > 0 ? countErrorText(t, value) : undefined;
    const server = serverErrors[municipalityNumber];
    return own ?? (server ? fieldErrorText(t, server, value) : undefined);
  };
  const errors: ErrorSummaryItem[] = draft
    ? municipalities.flatMap((m) => {
        const message = messageAt(m.municipalityNumber);
        return message ? [{ fieldId: fieldId(m.municipalityNumber), message: `${m.municipalityName}: ${message}` }] : [];
      })
    : [];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted((n) => n + 1);
    setSavedNotice(false);
    setServerErrors({});
    if (!draft || !counts.data) return;
    if (municipalities.some((m) => parseCount(draft[m.municipalityNumber]) === null)) return;
    const rows = municipalities
      .map((m) => ({ municipalityNumber: m.municipalityNumber, count: parseCount(draft[m.municipalityNumber]) ?? 0 }))
      .filter((row) => row.count > 0);
    save.mutate(
      { changes: { counts: rows }, version: counts.data.version },
      {
        onSuccess: (result) => {
          setDraft(draftOf(result));
          setStale(false);
          setSubmitted(0);
          setSavedNotice(true);
        },
        onError: (error) => {
          const byMunicipality: Record<string, FieldError> = {};
          for (const fieldError of error.status === 400 ? (error.problem.errors ?? []) : []) {
            const row = rows[Number(/^counts\.(\d+)\./.exec(fieldError.path)?.[1] ?? -1)];
            if (row) byMunicipality[row.municipalityNumber] ??= fieldError;
          }
          setServerErrors(byMunicipality);
          if (error.status === 412) {
            // Keep what the user typed; fetch what is saved now to show beside it.
            setStale(true);
            void counts.refetch();
          }
        },
      },
    );
  };

  const withStudents = municipalities.filter((m) => m.students > 0);
  const gaps = withStudents.map((row) => ({ row, missing: serviceGaps(row) })).filter((g) => g.missing.length > 0);
  const without = studentsWithoutService(withStudents);
  const listFormat = new Intl.ListFormat(intlLocale(language), { type: 'conjunction' });

  const columns: TableColumn<NeedsRow>[] = [
    { key: 'municipality', header: t('liaison.needs.columns.municipality'), rowHeader: true, cell: (row) => row.municipalityName },
    { key: 'students', header: t('liaison.needs.columns.students'), cell: (row) => formatNumber(row.students, language) },
    ...keyStudentServices.map((service) => ({
      key: service,
      header: t(`serviceType.${service}`),
      cell: (row: NeedsRow) =>
        row.libraries[service] > 0 ? t('liaison.needs.offered', { count: row.libraries[service] }) : <strong>{t('liaison.needs.missing')}</strong>,
    })),
  ];

  const regions = useMemo(() => {
    const groups = new Map<string, NeedsRow[]>();
    for (const m of municipalities) groups.set(m.regionName ?? '–', [...(groups.get(m.regionName ?? '–') ?? []), m]);
    return [...groups.entries()];
  }, [municipalities]);

  const loadError = counts.error ?? needs.error;

  return (
    <Page title={t('liaison.needs.title')}>
      {guard.dialog}
      <p className="ds-paragraph">{t('liaison.needs.intro')}</p>
      <div className="kb-cluster">
        <Select
          label={t('liaison.needs.periodLabel')}
          options={periodOptions().map((p) => ({ value: p, label: p === 'current' ? t('liaison.needs.periodCurrent') : t('liaison.needs.periodYear', { year: p }) }))}
          value={period}
          onChange={(event) => update({ periode: event.target.value })}
        />
      </div>

      {loadError ? (
        <QueryError
          error={loadError}
          onRetry={() => {
            void counts.refetch();
            void needs.refetch();
          }}
        />
      ) : !needs.data || !counts.data || draft === null ? (
        <LoadingState />
      ) : (
        <>
          <Section id="needs-gaps" title={t('liaison.needs.gapsTitle')}>
            {withStudents.length === 0 ? (
              <p className="ds-paragraph">{t('liaison.needs.gapsNoStudents')}</p>
            ) : gaps.length === 0 ? (
              <p className="ds-paragraph">{t('liaison.needs.gapsNone')}</p>
            ) : (
              <>
                <ul>
                  {gaps.map(({ row, missing }) => (
                    <li key={row.municipalityNumber}>
                      {t('liaison.needs.gapLine', {
                        municipality: row.municipalityName,
                        students: formatNumber(row.students, language),
                        services: listFormat.format(missing.map((s) => t(`serviceType.${s}`).toLocaleLowerCase(intlLocale(language)))),
                      })}
                    </li>
                  ))}
                </ul>
                <ul>
                  {keyStudentServices
                    .filter((service) => without[service] > 0)
                    .map((service) => (
                      <li key={service}>
                        {t('liaison.needs.studentsWithout', {
                          count: without[service],
                          students: formatNumber(without[service], language),
                          service: t(`serviceType.${service}`).toLocaleLowerCase(intlLocale(language)),
                        })}
                      </li>
                    ))}
                </ul>
              </>
            )}
          </Section>

          {withStudents.length > 0 && (
            <Section id="needs-table" title={t('liaison.needs.tableTitle')}>
              <DataTable caption={t('liaison.needs.tableCaption')} captionHidden columns={columns} rows={withStudents} rowKey={(row) => row.municipalityNumber} />
            </Section>
          )}

          <Section id="needs-form" title={t('liaison.needs.formTitle')}>
            <p className="ds-paragraph">
              {counts.data.updatedAt ? t('liaison.needs.lastSaved', { date: formatDate(counts.data.updatedAt, language) }) : t('liaison.needs.neverSaved')}{' '}
              {t('liaison.needs.formHelp')}
            </p>
            <form className="kb-form kb-form--wide" onSubmit={submit} noValidate>
              <ErrorSummary errors={errors} heading={t('liaison.needs.errorSummary')} focusKey={submitted} />
              {stale && (
                <Alert color="warning" heading={t('liaison.needs.staleTitle')} role="alert">
                  <p className="ds-paragraph">{t('liaison.needs.staleBody')}</p>
                </Alert>
              )}
              {save.isError && !stale && Object.keys(serverErrors).length === 0 && (
                <Alert color="danger" heading={t('liaison.needs.saveFailed')} role="alert">
                  <p className="ds-paragraph">{httpErrorText(t, save.error.status)}</p>
                </Alert>
              )}
              {regions.map(([region, rows]) => (
                <fieldset key={region}>
                  <legend>{region}</legend>
                  <div className="kb-cluster">
                    {rows.map((m) => {
                      const value = draft[m.municipalityNumber] ?? '';
                      const savedNow = parseCount(saved[m.municipalityNumber]) ?? 0;
                      const differs = stale && parseCount(value) !== savedNow;
                      return (
                        <TextField
                          key={m.municipalityNumber}
                          id={fieldId(m.municipalityNumber)}
                          label={m.municipalityName}
                          inputMode="numeric"
                          size={6}
                          value={value}
                          error={messageAt(m.municipalityNumber)}
                          description={differs ? t('liaison.needs.savedValue', { count: savedNow }) : undefined}
                          onChange={(event) => setDraft({ ...draft, [m.municipalityNumber]: event.target.value })}
                        />
                      );
                    })}
                  </div>
                </fieldset>
              ))}
              <div className="kb-cluster">
                <Button type="submit" loading={save.isPending}>
                  {save.isPending ? t('common.saving') : t('common.save')}
                </Button>
              </div>
              <p role="status">{savedNotice ? t('liaison.needs.saved') : ''}</p>
            </form>
          </Section>
        </>
      )}
    </Page>
  );
}
