import { IMPORT_JOB_POLL_MS, importQueries, meQueries, trySave, type SaveFailure, useApplyImport, useCan, usePreviewImport, useRetryImport, useUndoImport, useUploadImport } from '@kompetansebro/api-client';
import {
  actorKinds,
  importFields,
  importJobActive,
  importFieldsOf,
  importTargets,
  type ColumnMapping,
  type FieldError,
  type ImportDetail,
  type ImportField,
  type ImportJob,
  type ImportPreview,
  type ImportPreviewRow,
  type ImportSummary,
  type ImportTarget,
  type Audience,
  type ServiceType,
} from '@kompetansebro/domain';
import { formatDate, formatDateTime, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ConfirmDialog, DataTable, ErrorSummary, FailureAlert, LoadingState, optionsByLabel, Page, QueryError, Section, Select, TextField, type TableColumn } from '@kompetansebro/ui';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { importErrorText, importFailureText } from './import-error-text';

/**
 * What went wrong, in the user's words: the field errors of the answer, or its status. Takes
 * the outcome `trySave` gave (a mutation's `error` is still the previous render's right after it).
 */
function useFailureText() {
  const { t } = useTranslation();
  const language = useLanguage();
  return (failure: SaveFailure): string => importFailureText(t, language, failure);
}

/**
 * The county's import of actors, contacts, services or opening hours: upload a file → map its
 * columns (suggested from the headings) → see every row checked → apply → the report, with undo;
 * and the latest imports, each undoable for 30 days, and an uploaded one to go on with later.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useQuery(meQueries.current());
  // Files into the register are the county admin's alone: anyone else who opens the address reads why.
  const mayImport = useCan('import', 'create');
  if (me.isPending) {
    return (
      <Page title={t('import.title')}>
        <LoadingState />
      </Page>
    );
  }
  if (!mayImport) {
    return (
      <Page title={t('import.title')}>
        <Alert color="info" heading={t('import.readOnly.title')}>
          {t('import.readOnly.body')}
        </Alert>
      </Page>
    );
  }
  return <ImportScreen />;
}

function ImportScreen() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [openId, setOpenId] = useState<string | null>(null);
  // While its preview or apply runs on the queue, the import is read again every second: the progress shows.
  const opened = useQuery({
    ...importQueries.detail(openId ?? ''),
    enabled: openId !== null,
    refetchInterval: (query) => (importJobActive(query.state.data?.job) ? IMPORT_JOB_POLL_MS : false),
  });
  const applied = opened.data?.status === 'applied' ? opened.data : null;
  // An apply done: the register, the services, the opening hours may all have changed.
  const appliedId = applied?.id;
  useEffect(() => {
    if (appliedId) void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== 'imports' });
  }, [appliedId, queryClient]);
  const file = opened.data?.status === 'uploaded' ? opened.data : null;
  return (
    <Page title={t('import.title')}>
      <p className="ds-paragraph">{t('import.intro')}</p>
      <UploadSection
        onUploaded={(detail) => {
          queryClient.setQueryData(importQueries.detail(detail.id).queryKey, detail);
          setOpenId(detail.id);
        }}
      />
      {opened.isError && <QueryError error={opened.error} onRetry={() => void opened.refetch()} />}
      {file && <MappingSection key={file.id} file={file} />}
      {applied && <ReportSection summary={applied} />}
      <HistorySection onContinue={setOpenId} />
    </Page>
  );
}

function UploadSection({ onUploaded }: { onUploaded: (detail: ImportDetail) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const failureText = useFailureText();
  const [chosen, setChosen] = useState<File | null>(null);
  const [target, setTarget] = useState<ImportTarget>('actor');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>();
  // Each failed attempt moves focus to the summary again.
  const [attempts, setAttempts] = useState(0);
  const fail = (message: string) => {
    setError(message);
    setAttempts((count) => count + 1);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return fail(t('import.upload.choose'));
    setError(undefined);
    setProgress(0);
    const result = await trySave(upload.mutateAsync({ file: chosen, target, onProgress: setProgress }));
    setProgress(null);
    if (result.ok) onUploaded(result.data);
    else fail(failureText(result));
  };
  return (
    <Section id="import-upload" title={t('import.upload.title')}>
      <form className="kb-form" onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary errors={error ? [{ fieldId: 'import-file', message: error }] : []} focusKey={attempts} />
        <Select
          id="import-target"
          label={t('import.upload.target')}
          description={t('import.upload.targetHelp')}
          options={importTargets.map((value) => ({ value, label: t(`import.target.${value}`) }))}
          value={target}
          onChange={(event) => setTarget(event.currentTarget.value as ImportTarget)}
        />
        <TextField
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t('import.upload.label')}
          description={t('import.upload.help')}
          error={error}
          onChange={(event) => setChosen(event.currentTarget.files?.[0] ?? null)}
        />
        <div className="kb-cluster">
          <Button type="submit" loading={upload.isPending}>
            {upload.isPending ? t('import.upload.sending') : t('import.upload.submit')}
          </Button>
        </div>
        {progress !== null && (
          <p className="ds-paragraph">
            <label htmlFor="import-upload-progress">{t('import.upload.progress', { percent: Math.round(progress * 100) })}</label>{' '}
            <progress id="import-upload-progress" max={1} value={progress} />
          </p>
        )}
      </form>
    </Section>
  );
}

/** The import's job as the screen shows it: progress while it runs, the reason and "try again" when it failed. */
function JobStatus({ file }: { file: ImportDetail }) {
  const { t } = useTranslation();
  const retry = useRetryImport(file.id);
  const failureText = useFailureText();
  const [retryFailure, setRetryFailure] = useState<string | null>(null);
  const job: ImportJob | null = file.job;
  if (!job || job.status === 'done') return null;
  if (job.status === 'failed') {
    return (
      <div id="import-job">
        <FailureAlert title={t(`import.job.failedTitle.${job.kind}`)} message={job.error ? t('import.job.failedBecause', { error: job.error }) : null} />
        <Button
          variant="secondary"
          loading={retry.isPending}
          onClick={() =>
            void trySave(retry.mutateAsync()).then((result) => setRetryFailure(result.ok ? null : failureText(result)))
          }
        >
          {t('import.job.retry')}
        </Button>
        <FailureAlert title={t('import.job.retryFailed')} message={retryFailure} />
      </div>
    );
  }
  const label = job.status === 'queued' ? t('import.job.queued') : t(`import.job.${job.phase}`, { done: job.done, total: job.total });
  return (
    <div id="import-job">
      <p className="ds-paragraph" role="status">
        <label htmlFor="import-job-progress">{label}</label> <progress id="import-job-progress" max={Math.max(job.total, 1)} value={job.status === 'queued' ? undefined : job.done} />
      </p>
      {job.error && <p className="ds-paragraph">{t('import.job.retryingBecause', { error: job.error })}</p>}
      <p className="ds-paragraph">{t('import.job.leave')}</p>
    </div>
  );
}

function MappingSection({ file }: { file: ImportDetail }) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<ColumnMapping>(file.mapping ?? file.suggested);
  // Opened after an upload or from the list of imports: the keyboard goes on at the first column.
  useEffect(() => document.getElementById('import-column-0')?.focus(), []);
  const [saveAs, setSaveAs] = useState('');
  // The mapping changed since the last preview: that preview no longer says what an apply would do.
  const [edited, setEdited] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const check = usePreviewImport(file.id);
  const apply = useApplyImport(file.id);
  const job = file.job;
  const running = importJobActive(job);
  // The last preview's answer, once a preview has run to the end (read again after each job, kept on screen meanwhile).
  const previewDone = job !== null && !(job.kind === 'preview' && job.status !== 'done');
  const preview = useQuery({ ...importQueries.preview(file.id, job ? `${job.kind}:${job.queuedAt}` : ''), enabled: previewDone, placeholderData: keepPreviousData, retry: false });
  const queuedJob = (detail: ImportDetail) => queryClient.setQueryData(importQueries.detail(file.id).queryKey, detail);
  const failureText = useFailureText();
  const fieldOptions = optionsByLabel<ImportField>(importFieldsOf[file.target], (field) => t(`import.field.${field}`));
  const isActors = file.target === 'actor';
  const kindOptions = optionsByLabel(actorKinds, (kind) => t(`actorKind.${kind}`));

  const setColumn = (header: string, value: string) => {
    setEdited(true);
    setMapping((current) => ({ ...current, columns: { ...current.columns, [header]: value === '' ? null : (value as ImportField) } }));
  };
  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    if (running || check.isPending) return;
    setFailure(null);
    const result = await trySave(check.mutateAsync({ ...mapping, ...(saveAs.trim() ? { saveAs: saveAs.trim() } : {}) }));
    if (result.ok) {
      setEdited(false);
      queuedJob(result.data);
    } else setFailure(failureText(result));
  };
  const runApply = async () => {
    setFailure(null);
    const result = await trySave(apply.mutateAsync(mapping));
    if (result.ok) queuedJob(result.data);
    else setFailure(failureText(result));
  };

  return (
    <>
      <Section id="import-mapping" title={t('import.mapping.title')} intro={t('import.mapping.intro', { file: file.fileName, count: file.rowCount, target: t(`import.target.${file.target}`) })}>
        {isActors ? <p className="ds-paragraph">{t('import.mapping.format', { format: t(`import.format.${mapping.format}`) })}</p> : <p className="ds-paragraph">{t('import.mapping.actorColumns')}</p>}
        <form className="kb-form" onSubmit={(event) => void runPreview(event)} noValidate>
          {file.headers.map((header, index) => (
            <Select
              key={header}
              id={`import-column-${index}`}
              label={header}
              description={file.sample[0]?.[index] ? t('import.mapping.example', { value: file.sample[0][index] }) : undefined}
              options={fieldOptions}
              emptyOption={t('import.mapping.skip')}
              value={mapping.columns[header] ?? ''}
              onChange={(event) => setColumn(header, event.currentTarget.value)}
            />
          ))}
          {isActors && (
            <Select
              id="import-default-kind"
              label={t('import.mapping.defaultKind')}
              options={kindOptions}
              emptyOption={t('import.mapping.noDefaultKind')}
              value={mapping.defaultKind ?? ''}
              onChange={(event) => {
                const value = event.currentTarget.value;
                setEdited(true);
                setMapping((current) => ({ ...current, defaultKind: value === '' ? null : (value as ColumnMapping['defaultKind']) }));
              }}
            />
          )}
          <TextField id="import-save-as" label={t('import.mapping.saveAs')} description={t('import.mapping.saveAsHelp')} value={saveAs} maxLength={100} onChange={(event) => setSaveAs(event.currentTarget.value)} />
          <div className="kb-cluster">
            {/* Busy, not disabled: a disabled button drops the keyboard focus to the page body. */}
            <Button type="submit" loading={check.isPending || running} aria-disabled={running || undefined}>
              {check.isPending || running ? t('import.mapping.sending') : t('import.mapping.submit')}
            </Button>
          </div>
        </form>
        {job?.kind === 'preview' && <JobStatus file={file} />}
      </Section>
      <FailureAlert title={t('import.preview.applyFailed')} message={failure} />
      {preview.data && !edited && previewDone && (
        <PreviewSection preview={preview.data} applying={apply.isPending || (running && job?.kind === 'apply')} onApply={() => void runApply()}>
          {job?.kind === 'apply' && <JobStatus file={file} />}
        </PreviewSection>
      )}
    </>
  );
}

function PreviewSection({ preview, applying, onApply, children }: { preview: ImportPreview; applying: boolean; onApply: () => void; children?: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { counts } = preview;
  const fieldName = (path: string) => (path in fieldLabels ? t(`import.field.${path as keyof typeof fieldLabels}`) : path);
  const statusText: Record<ImportPreviewRow['status'], string> = {
    new: t('import.preview.statusNew'),
    changed: t('import.preview.statusChanged'),
    unchanged: t('import.preview.statusUnchanged'),
    rejected: t('import.preview.statusRejected'),
  };
  // A service's type and audiences come as codes: shown by their names.
  const valueText = (field: string, value: string | null) => {
    if (value === null) return null;
    if (field === 'type') return t(`serviceType.${value as ServiceType}`);
    if (field === 'audiences') return value.split(', ').map((audience) => t(`actors.services.audience.${audience as Audience}`)).join(', ');
    return value;
  };
  // The file's own header where the error names one (a field no column gave: the field alone).
  const errorText = (error: FieldError) => {
    const column = error.params?.['column'];
    const message = importErrorText(t, language, error);
    return column === undefined || column === '' ? t('import.preview.errorNoColumn', { field: fieldName(error.path), message }) : t('import.preview.error', { field: fieldName(error.path), column: String(column), message });
  };
  const columns: TableColumn<ImportPreviewRow>[] = [
    { key: 'line', header: t('import.preview.line'), cell: (row) => row.line },
    { key: 'name', header: t('import.preview.name'), cell: (row) => row.name ?? t('import.preview.empty'), rowHeader: true },
    { key: 'status', header: t('import.preview.status'), cell: (row) => statusText[row.status] },
    {
      key: 'details',
      header: t('import.preview.details'),
      cell: (row) => (
        <ul className="ds-list">
          {row.errors.map((error, i) => (
            <li key={`e${i}`}>{errorText(error)}</li>
          ))}
          {row.errors.length === 0 &&
            row.changes.map((change) => (
              <li key={change.field}>
                {t('import.preview.change', { field: fieldName(change.field), before: valueText(change.field, change.before) ?? t('import.preview.empty'), after: valueText(change.field, change.after) ?? t('import.preview.empty') })}
              </li>
            ))}
          {row.likelyDuplicates.map((duplicate) => (
            <li key={duplicate.id}>{t(`import.preview.duplicate.${duplicate.reason}`, { name: duplicate.name })}</li>
          ))}
        </ul>
      ),
    },
  ];
  const writes = counts.new + counts.changed;
  return (
    <Section id="import-preview" title={t('import.preview.title')} intro={t('import.preview.counts', counts)}>
      {counts.rejected > 0 && (
        <Alert color="warning" heading={t('import.preview.statusRejected')} headingLevel={3}>
          {t('import.preview.rejected', { count: counts.rejected })}
        </Alert>
      )}
      {preview.rows.length > 0 && <DataTable caption={t('import.preview.caption')} columns={columns} rows={preview.rows} rowKey={(row) => String(row.line)} />}
      {counts.rejected === 0 &&
        (writes > 0 ? (
          <Button onClick={onApply} loading={applying}>
            {applying ? t('import.preview.applying') : t('import.preview.apply', { count: writes })}
          </Button>
        ) : (
          <p className="ds-paragraph">{t('import.preview.nothing')}</p>
        ))}
      {children}
    </Section>
  );
}

const fieldLabels = Object.fromEntries([...importFields, 'parentId', 'actor'].map((f) => [f, true])) as Record<ImportField | 'parentId' | 'actor', true>;

function ReportSection({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Section id="import-report" title={t('import.report.title')}>
      <Alert color="success" role="status">
        {t(`import.report.done.${summary.target}`, { new: summary.counts?.new ?? 0, changed: summary.counts?.changed ?? 0, until: summary.undoUntil ? formatDate(summary.undoUntil, language) : '' })}
      </Alert>
      <p className="ds-paragraph">
        <Link to="/aktorer">{t('import.report.toRegister')}</Link>
      </p>
    </Section>
  );
}

function HistorySection({ onContinue }: { onContinue: (id: string) => void }) {
  const { t } = useTranslation();
  const imports = useQuery({ ...importQueries.list(), refetchInterval: (query) => (query.state.data?.some((i) => importJobActive(i.job)) ? IMPORT_JOB_POLL_MS : false) });
  const undo = useUndoImport();
  const failureText = useFailureText();
  const [asked, setAsked] = useState<ImportSummary | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const statusText = { uploaded: t('import.history.statusUploaded'), applied: t('import.history.statusApplied'), undone: t('import.history.statusUndone') };
  const confirmUndo = async () => {
    if (!asked) return;
    const result = await trySave(undo.mutateAsync(asked.id));
    setAsked(null);
    setMessage(result.ok ? { ok: true, text: t('import.report.undone') } : { ok: false, text: failureText(result) });
  };
  // A preview or apply running or failed says so; otherwise the import's own status.
  const jobText = (job: ImportJob | null) =>
    !job || job.status === 'done' ? null : job.status === 'failed' ? t(`import.history.job.failed.${job.kind}`) : t(`import.history.job.running.${job.kind}`, { done: job.done, total: job.total });
  const columns: TableColumn<ImportSummary>[] = [
    { key: 'file', header: t('import.history.file'), cell: (row) => row.fileName, rowHeader: true },
    { key: 'target', header: t('import.history.target'), cell: (row) => t(`import.target.${row.target}`) },
    { key: 'when', header: t('import.history.when'), cell: (row) => formatDateTime(row.createdAt) },
    { key: 'status', header: t('import.history.status'), cell: (row) => jobText(row.job) ?? statusText[row.status] },
    { key: 'result', header: t('import.history.result'), cell: (row) => (row.counts ? t('import.preview.counts', row.counts) : '') },
    {
      key: 'undo',
      header: t('import.history.action'),
      cell: (row) =>
        row.status === 'applied' && row.undoUntil ? (
          <Button variant="secondary" size="sm" onClick={() => setAsked(row)} aria-label={t('import.history.undo', { file: row.fileName })}>
            {t('import.history.undoShort')}
          </Button>
        ) : row.status === 'uploaded' ? (
          <Button variant="secondary" size="sm" onClick={() => onContinue(row.id)} aria-label={t('import.history.continue', { file: row.fileName })}>
            {t('import.history.continueShort')}
          </Button>
        ) : null,
    },
  ];
  return (
    <Section id="import-history" title={t('import.history.title')}>
      {message &&
        (message.ok ? (
          <Alert color="success" role="status">
            {message.text}
          </Alert>
        ) : (
          <FailureAlert title={t('import.history.undoFailed')} message={message.text} />
        ))}
      {imports.isError ? (
        <QueryError error={imports.error} onRetry={() => void imports.refetch()} />
      ) : imports.data && imports.data.length === 0 ? (
        <p className="ds-paragraph">{t('import.history.none')}</p>
      ) : (
        <DataTable caption={t('import.history.caption')} columns={columns} rows={imports.data} rowKey={(row) => row.id} />
      )}
      <ConfirmDialog
        open={asked !== null}
        title={asked ? t('import.history.undo', { file: asked.fileName }) : ''}
        confirmLabel={t('import.history.undoShort')}
        cancelLabel={t('common.cancel')}
        busy={undo.isPending}
        onConfirm={() => void confirmUndo()}
        onCancel={() => setAsked(null)}
      >
        <p className="ds-paragraph">{t('import.history.undoConfirm')}</p>
      </ConfirmDialog>
    </Section>
  );
}
