import { reportQueries, useAskReportFile, type ReportPeriod } from '@kompetansebro/api-client';
import type { ReportFormat } from '@kompetansebro/domain';
import { actionErrorText, Button, buttonLinkProps, FailureAlert, LoadingState } from '@kompetansebro/ui';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * One format of the report as a file: written on the server's job queue (so a long report does
 * not hold the page), followed while it is written, then a link to download it. Keyed by the
 * initiative and period by its parent, so another choice starts afresh.
 */
export function ReportFileButton({ initiativeId, period, format }: { initiativeId: string; period: ReportPeriod; format: ReportFormat }) {
  const { t } = useTranslation();
  const ask = useAskReportFile(initiativeId);
  const [fileId, setFileId] = useState<string | null>(null);
  const file = useQuery({ ...reportQueries.file(fileId ?? ''), enabled: fileId !== null });
  const label = format === 'docx' ? 'DOCX' : 'PDF';
  const start = () => ask.mutate({ format, ...period }, { onSuccess: (asked) => setFileId(asked.id) });
  const status = file.data?.status;

  if (status === 'done') {
    return (
      <a href={reportQueries.downloadUrl(file.data?.id ?? '')} download {...buttonLinkProps('secondary')}>
        {t(format === 'docx' ? 'reports.downloadDocx' : 'reports.downloadPdf')}
      </a>
    );
  }
  if (fileId !== null && status !== 'failed' && !file.isError) return <LoadingState text={t('reports.file.writing', { format: label })} />;
  return (
    <div className="kb-stack">
      <Button variant="secondary" onClick={start} disabled={ask.isPending}>
        {t(status === 'failed' || file.isError ? 'reports.file.retry' : 'reports.file.make', { format: label })}
      </Button>
      <FailureAlert
        title={t('reports.file.failed', { format: label })}
        message={ask.error ? actionErrorText(t, ask.error) : file.error ? actionErrorText(t, file.error) : status === 'failed' ? (file.data?.error ?? t('errors.unknown')) : null}
      />
    </div>
  );
}
