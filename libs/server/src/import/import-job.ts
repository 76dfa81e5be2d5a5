import { sql } from 'kysely';
import { DomainError, type ImportPreviewRequest } from '@kompetansebro/domain';
import { loadPrincipal } from '../auth/principal';
import { loadScope } from '../auth/visibility';
import type { Logger } from '../http/app-env';
import { reasonOf } from '../jobs/failure-reason';
import type { JobQueue } from '../jobs/job-queue';
import type { Executor } from '../persistence/executor';
import type { ImportPhase, ImportProgress } from './import-progress';
import { applyImport, previewImport } from './import.repository';

// An import's preview and apply run as jobs on the queue (issues 16, 17), not inside the request:
// the request records the job on the batch (queueImportJob) and queues it after the commit; a
// worker on any instance checks or applies the rows with the rights of the user who asked (read
// afresh), writes how far it is as it goes, keeps the preview's answer, and on failure says why —
// queued again while the queue's retries last (a fault of the machinery), failed at once when the
// import itself is refused (a row with errors, a changed register: trying again would not help).
// The apply is still one transaction; its progress is written beside it.

/** Who asked, so the job acts with their rights: the user and the organisation they acted for. */
export interface ImportJobPayload {
  importId: string;
  userId: string;
  organisationId: string;
}

async function fail(db: Executor, importId: string, reason: string): Promise<void> {
  await db.updateTable('import_batch').set({ job_status: 'failed', job_error: reason }).where('id', '=', importId).execute();
}

/** Puts a recorded job on the queue; when even that fails, it is marked failed (the county may try again). */
export async function queueImport(deps: { db: Executor; jobs: JobQueue }, payload: ImportJobPayload): Promise<void> {
  try {
    await deps.jobs.enqueue('import', payload);
  } catch (error) {
    await fail(deps.db, payload.importId, `Could not be queued: ${reasonOf(error)}`);
  }
}

/**
 * Writes the progress one write after the other, beside the job's transaction (on PostgreSQL
 * another connection, seen at once; on PGlite after the transaction, its one connection being
 * busy until then), at most about four times a second and at each change of phase.
 */
function progressWriter(db: Executor, importId: string, logger: Logger): { report: ImportProgress; settled: () => Promise<void> } {
  let chain = Promise.resolve();
  let last: { phase: ImportPhase | null; at: number } = { phase: null, at: 0 };
  return {
    report: (phase, done, total) => {
      const now = Date.now();
      if (phase === last.phase && done < total && now - last.at < 250) return;
      last = { phase, at: now };
      chain = chain
        .then(async () => {
          await db.updateTable('import_batch').set({ job_phase: phase, job_done: done, job_total: total }).where('id', '=', importId).where('job_status', '=', 'running').execute();
        })
        .catch((error: unknown) => logger.error({ err: error, importId }, 'import progress not written'));
    },
    settled: () => chain,
  };
}

/** The job: the preview or apply recorded on the batch. `final`: the queue will not retry after this run. */
export async function runImportJob(deps: { db: Executor; logger: Logger }, payload: ImportJobPayload, final: boolean): Promise<void> {
  const { db, logger } = deps;
  const { importId } = payload;
  const batch = await db.selectFrom('import_batch').select(['job_kind', 'job_status', 'job_request']).where('id', '=', importId).executeTakeFirst();
  if (!batch?.job_kind || !batch.job_request || (batch.job_status !== 'queued' && batch.job_status !== 'running')) return;
  const principal = await loadPrincipal(db, payload.userId, payload.organisationId);
  if (!principal) {
    await fail(db, importId, 'The user who started it no longer acts for the county');
    return;
  }
  const scope = await loadScope(db, principal);
  const context = { userId: principal.userId };
  await db
    .updateTable('import_batch')
    .set((eb) => ({ job_status: 'running', job_phase: 'checking', job_done: 0, job_attempts: eb('job_attempts', '+', 1) }))
    .where('id', '=', importId)
    .execute();
  const progress = progressWriter(db, importId, logger);
  const request = batch.job_request as ImportPreviewRequest;
  try {
    if (batch.job_kind === 'preview') {
      const preview = await previewImport(db, scope, importId, request, context, progress.report);
      await progress.settled();
      await db.updateTable('import_batch').set({ job_status: 'done', job_done: sql`job_total`, job_error: null, preview: JSON.stringify(preview) }).where('id', '=', importId).execute();
    } else {
      const { saveAs: _saveAs, ...mapping } = request;
      await applyImport(db, scope, importId, mapping, context, progress.report);
      await progress.settled();
      await db.updateTable('import_batch').set({ job_status: 'done', job_done: sql`job_total`, job_error: null }).where('id', '=', importId).execute();
    }
  } catch (error) {
    await progress.settled();
    const reason = reasonOf(error);
    logger.error({ err: error, importId, job: batch.job_kind }, 'import job failed');
    if (error instanceof DomainError || final) {
      await fail(db, importId, reason);
      return;
    }
    await db.updateTable('import_batch').set({ job_status: 'queued', job_error: reason }).where('id', '=', importId).execute();
    throw error;
  }
}
