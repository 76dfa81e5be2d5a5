import { importQueries, saveFailureOf, trySave, useApplyImport, usePreviewImport, useUndoImport, useUploadImport } from '@kompetansebro/api-client';
import { actorImportFields, actorKinds, type ActorImportField, type ColumnMapping, type FieldError, type ImportDetail, type ImportPreview, type ImportPreviewRow, type ImportSummary } from '@kompetansebro/domain';
import { formatDate, formatDateTime, useLanguage } from '@kompetansebro/i18n';
import { Alert, Button, ConfirmDialog, DataTable, FailureAlert, fieldErrorText, httpErrorText, optionsByLabel, Page, QueryError, Section, Select, TextField, type TableColumn } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

/** What went wrong, in the user's words: the field errors of the answer, or its status. */
function useFailureText() {
  const { t } = useTranslation();
  return (error: unknown): string => {
    const failure = saveFailureOf(error);
    if (failure.kind === 'fields') return failure.errors.map((e) => fieldErrorText(t, e)).join(' ');
    return httpErrorText(t, failure.kind === 'stale' ? 412 : failure.status);
  };
}

/**
 * The county's import: upload a file → map its columns (suggested from the headings) → see every
 * row checked → apply → the report, with undo; and the latest imports, each undoable for 30 days.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const [file, setFile] = useState<ImportDetail | null>(null);
  const [applied, setApplied] = useState<ImportSummary | null>(null);
  return (
    <Page title={t('import.title')}>
      <p className="ds-paragraph">{t('import.intro')}</p>
      <UploadSection
        onUploaded={(detail) => {
          setFile(detail);
          setApplied(null);
        }}
      />
      {file && !applied && <MappingSection key={file.id} file={file} onApplied={setApplied} />}
      {applied && <ReportSection summary={applied} />}
      <HistorySection />
    </Page>
  );
}

function UploadSection({ onUploaded }: { onUploaded: (detail: ImportDetail) => void }) {
  const { t } = useTranslation();
  const upload = useUploadImport();
  const failureText = useFailureText();
  const [chosen, setChosen] = useState<File | null>(null);
  const [error, setError] = useState<string | undefined>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setError(t('import.upload.choose'));
    setError(undefined);
    const result = await trySave(upload.mutateAsync(chosen));
    if (result.ok) onUploaded(result.data);
    else setError(failureText(upload.error));
  };
  return (
    <Section id="import-upload" title={t('import.upload.title')}>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="import-file"
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          label={t('import.upload.label')}
          description={t('import.upload.help')}
          error={error}
          onChange={(event) => setChosen(event.currentTarget.files?.[0] ?? null)}
        />
        <Button type="submit" loading={upload.isPending}>
          {upload.isPending ? t('import.upload.sending') : t('import.upload.submit')}
        </Button>
      </form>
    </Section>
  );
}

function MappingSection({ file, onApplied }: { file: ImportDetail; onApplied: (summary: ImportSummary) => void }) {
  const { t } = useTranslation();
  const [mapping, setMapping] = useState<ColumnMapping>(file.mapping ?? file.suggested);
  const [saveAs, setSaveAs] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const check = usePreviewImport(file.id);
  const apply = useApplyImport(file.id);
  const failureText = useFailureText();
  const fieldOptions = optionsByLabel(actorImportFields, (field) => t(`import.field.${field}`));
  const kindOptions = optionsByLabel(actorKinds, (kind) => t(`actorKind.${kind}`));

  const setColumn = (header: string, value: string) => {
    setPreview(null);
    setMapping((current) => ({ ...current, columns: { ...current.columns, [header]: value === '' ? null : (value as ActorImportField) } }));
  };
  const runPreview = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const result = await trySave(check.mutateAsync({ ...mapping, ...(saveAs.trim() ? { saveAs: saveAs.trim() } : {}) }));
    if (result.ok) setPreview(result.data);
    else setFailure(failureText(check.error));
  };
  const runApply = async () => {
    setFailure(null);
    const result = await trySave(apply.mutateAsync(mapping));
    if (result.ok) onApplied(result.data);
    else setFailure(failureText(apply.error));
  };

  return (
    <>
      <Section id="import-mapping" title={t('import.mapping.title')} intro={t('import.mapping.intro', { file: file.fileName, count: file.rowCount })}>
        <p className="ds-paragraph">{t('import.mapping.format', { format: t(`import.format.${mapping.format}`) })}</p>
        <form onSubmit={(event) => void runPreview(event)} noValidate>
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
          <Select
            id="import-default-kind"
            label={t('import.mapping.defaultKind')}
            options={kindOptions}
            emptyOption={t('import.mapping.noDefaultKind')}
            value={mapping.defaultKind ?? ''}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setPreview(null);
              setMapping((current) => ({ ...current, defaultKind: value === '' ? null : (value as ColumnMapping['defaultKind']) }));
            }}
          />
          <TextField id="import-save-as" label={t('import.mapping.saveAs')} description={t('import.mapping.saveAsHelp')} value={saveAs} maxLength={100} onChange={(event) => setSaveAs(event.currentTarget.value)} />
          <Button type="submit" loading={check.isPending}>
            {check.isPending ? t('import.mapping.sending') : t('import.mapping.submit')}
          </Button>
        </form>
      </Section>
      <FailureAlert title={t('import.preview.applyFailed')} message={failure} />
      {preview && <PreviewSection preview={preview} applying={apply.isPending} onApply={() => void runApply()} />}
    </>
  );
}

function PreviewSection({ preview, applying, onApply }: { preview: ImportPreview; applying: boolean; onApply: () => void }) {
  const { t } = useTranslation();
  const { counts } = preview;
  const fieldName = (path: string) => (path in fieldLabels ? t(`import.field.${path as keyof typeof fieldLabels}`) : path);
  const statusText: Record<ImportPreviewRow['status'], string> = {
    new: t('import.preview.statusNew'),
    changed: t('import.preview.statusChanged'),
    unchanged: t('import.preview.statusUnchanged'),
    rejected: t('import.preview.statusRejected'),
  };
  const errorText = (error: FieldError) =>
    t('import.preview.error', { field: fieldName(error.path), column: String(error.params?.['column'] ?? error.path), message: error.code.startsWith('import_') ? error.message : fieldErrorText(t, error) });
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
              <li key={change.field}>{t('import.preview.change', { field: fieldName(change.field), before: change.before ?? t('import.preview.empty'), after: change.after ?? t('import.preview.empty') })}</li>
            ))}
          {row.likelyDuplicates.map((duplicate) => (
            <li key={duplicate.id}>{t('import.preview.duplicate', { name: duplicate.name })}</li>
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
    </Section>
  );
}

const fieldLabels = Object.fromEntries([...actorImportFields, 'parentId'].map((f) => [f, true])) as Record<ActorImportField | 'parentId', true>;

function ReportSection({ summary }: { summary: ImportSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Section id="import-report" title={t('import.report.title')}>
      <Alert color="success" role="status">
        {t('import.report.done', { new: summary.counts?.new ?? 0, changed: summary.counts?.changed ?? 0, until: summary.undoUntil ? formatDate(summary.undoUntil, language) : '' })}
      </Alert>
      <p className="ds-paragraph">
        <Link to="/aktorer">{t('import.report.toRegister')}</Link>
      </p>
    </Section>
  );
}

function HistorySection() {
  const { t } = useTranslation();
  const imports = useQuery(importQueries.list());
  const undo = useUndoImport();
  const failureText = useFailureText();
  const [asked, setAsked] = useState<ImportSummary | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const statusText = { uploaded: t('import.history.statusUploaded'), applied: t('import.history.statusApplied'), undone: t('import.history.statusUndone') };
  const confirmUndo = async () => {
    if (!asked) return;
    const result = await trySave(undo.mutateAsync(asked.id));
    setAsked(null);
    setMessage(result.ok ? { ok: true, text: t('import.report.undone') } : { ok: false, text: failureText(undo.error) });
  };
  const columns: TableColumn<ImportSummary>[] = [
    { key: 'file', header: t('import.history.file'), cell: (row) => row.fileName, rowHeader: true },
    { key: 'when', header: t('import.history.when'), cell: (row) => formatDateTime(row.createdAt) },
    { key: 'status', header: t('import.history.status'), cell: (row) => statusText[row.status] },
    { key: 'result', header: t('import.history.result'), cell: (row) => (row.counts ? t('import.preview.counts', row.counts) : '') },
    {
      key: 'undo',
      header: t('import.history.undoShort'),
      cell: (row) =>
        row.status === 'applied' && row.undoUntil ? (
          <Button variant="secondary" size="sm" onClick={() => setAsked(row)} aria-label={t('import.history.undo', { file: row.fileName })}>
            {t('import.history.undoShort')}
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
