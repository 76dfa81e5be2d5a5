import { NotFoundError, reportFileName, type ReportFile, type ReportFileRequest } from '@kompetansebro/domain';
import { loadPrincipal } from '../auth/principal';
import { loadScope, type Scope } from '../auth/visibility';
import type { Logger } from '../http/app-env';
import { reasonOf } from '../jobs/failure-reason';
import type { JobQueue } from '../jobs/job-queue';
import { getInitiative } from '../initiatives/initiative.repository';
import type { Executor } from '../persistence/executor';
import { iso } from '../persistence/repository-helpers';
import { renderReportDocx } from './report-docx';
import { renderReportPdf } from './report-pdf';
import { getFunderReport } from './report.repository';

// A funder report's DOCX or PDF is written as a job on the queue (issue 17), not inside the
// request: the request records the file asked for (after checking the caller may read the
// initiative) and queues it after the commit; a worker on any instance writes it with the rights
// of who asked (read afresh) and stores the bytes, so any instance hands it out. A file belongs to
// the organisation that asked for it: another sees 404. A failure is retried while the queue's
// retries last, then says why.

/** Who asked, so the job reads with their rights. */
export interface ReportFileJobPayload {
  reportFileId: string;
  userId: string;
  organisationId: string;
}

const columns = ['id', 'initiative_id', 'format', 'status', 'file_name', 'error', 'created_at'] as const;

function toReportFile(row: { id: string; initiative_id: string; format: 'docx' | 'pdf'; status: ReportFile['status']; file_name: string | null; error: string | null; created_at: Date }): ReportFile {
  return { id: row.id, initiativeId: row.initiative_id, format: row.format, status: row.status, fileName: row.file_name, error: row.error, createdAt: iso(row.created_at) };
}

/** Records a file to write, once the caller is known to read the initiative (404 otherwise). */
export async function recordReportFile(db: Executor, scope: Scope, who: { userId: string; organisationId: string }, initiativeId: string, request: ReportFileRequest): Promise<ReportFile> {
  await getInitiative(db, scope, initiativeId);
  const row = await db
    .insertInto('report_file')
    .values({ initiative_id: initiativeId, format: request.format, period_from: request.from ?? null, period_to: request.to ?? null, requested_by: who.userId, organisation_id: who.organisationId })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toReportFile(row);
}

/** A file the caller's organisation asked for. */
export async function findReportFile(db: Executor, organisationId: string, id: string): Promise<ReportFile> {
  const row = await db.selectFrom('report_file').select(columns).where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new NotFoundError('report_file');
  return toReportFile(row);
}

/** The written file's name and bytes; undefined while it is not written. */
export async function reportFileBytes(db: Executor, organisationId: string, id: string): Promise<{ file: ReportFile; bytes: Uint8Array | null }> {
  const row = await db.selectFrom('report_file').select([...columns, 'bytes']).where('id', '=', id).where('organisation_id', '=', organisationId).executeTakeFirst();
  if (!row) throw new NotFoundError('report_file');
  return { file: toReportFile(row), bytes: row.status === 'done' ? row.bytes : null };
}

/** How long a written file is kept for download: asking again writes a fresh one from today's facts. */
export const REPORT_FILE_KEPT_DAYS = 30;

/** The daily job's clean-up: files asked for more than REPORT_FILE_KEPT_DAYS before `now` are deleted. */
export async function purgeOldReportFiles(db: Executor, now: Date = new Date()): Promise<{ purged: number }> {
  const before = new Date(now.getTime() - REPORT_FILE_KEPT_DAYS * 24 * 60 * 60 * 1000);
  const result = await db.deleteFrom('report_file').where('created_at', '<', before).executeTakeFirst();
  return { purged: Number(result.numDeletedRows) };
}

/** Puts a recorded file on the queue; when even that fails, it is marked failed. */
export async function queueReportFile(deps: { db: Executor; jobs: JobQueue }, payload: ReportFileJobPayload): Promise<void> {
  try {
    await deps.jobs.enqueue('report-file', payload);
  } catch (error) {
    await deps.db.updateTable('report_file').set({ status: 'failed', error: `Could not be queued: ${reasonOf(error)}` }).where('id', '=', payload.reportFileId).execute();
  }
}

/** The job: write the file. `final`: the queue will not retry after this run. */
export async function runReportFileJob(deps: { db: Executor; logger: Logger }, payload: ReportFileJobPayload, final: boolean): Promise<void> {
  const { db, logger } = deps;
  const file = await db.selectFrom('report_file').select(['initiative_id', 'format', 'period_from', 'period_to', 'status']).where('id', '=', payload.reportFileId).executeTakeFirst();
  if (!file || file.status === 'done' || file.status === 'failed') return;
  await db.updateTable('report_file').set((eb) => ({ status: 'running', attempts: eb('attempts', '+', 1) })).where('id', '=', payload.reportFileId).execute();
  try {
    const principal = await loadPrincipal(db, payload.userId, payload.organisationId);
    if (!principal) throw new NotFoundError('user');
    const query = { ...(file.period_from ? { from: file.period_from } : {}), ...(file.period_to ? { to: file.period_to } : {}) };
    const report = await getFunderReport(db, await loadScope(db, principal), file.initiative_id, query);
    const bytes = file.format === 'docx' ? await renderReportDocx(report) : await renderReportPdf(report);
    await db
      .updateTable('report_file')
      .set({ status: 'done', error: null, bytes: new Uint8Array(bytes), file_name: reportFileName(report, file.format), finished_at: new Date() })
      .where('id', '=', payload.reportFileId)
      .execute();
  } catch (error) {
    logger.error({ err: error, reportFileId: payload.reportFileId }, 'report file job failed');
    // A user or initiative gone, or no longer visible: trying again would not help.
    const status = final || error instanceof NotFoundError ? 'failed' : 'queued';
    await db.updateTable('report_file').set({ status, error: reasonOf(error) }).where('id', '=', payload.reportFileId).execute();
    if (status === 'queued') throw error;
  }
}
