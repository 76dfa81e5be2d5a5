import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ImportDetail } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import type { Mailer } from '../auth/mail';
import { loadPrincipal } from '../auth/principal';
import { loadScope } from '../auth/visibility';
import type { AppConfig } from '../http/app-env';
import { startJobQueue, type RunningJobQueue } from '../jobs/job-queue';
import { json, problemOf, testServer } from '../testing/fixture.test';
import { fixture, importRequests } from './import-requests.test';
import { queueImportJob } from './import.repository';

// An import's preview and apply as jobs on the queue (pg-boss on the test database): progress on
// the batch, a failure the queue retries, a failure that outlasts the retries and is tried again
// by the county, and one job at a time.

const server = testServer();
const { uploaded, preview } = importRequests(server);
const silent = { info: () => undefined, error: () => undefined };
const config: AppConfig = { databaseKind: 'pglite', version: 'test', documentsDir: '/tmp', cookieSecure: false };
const noMail: Mailer = { send: async () => undefined, close: () => undefined };

let queue: RunningJobQueue;
beforeAll(async () => {
  queue = await startJobQueue(
    { db: server.database.db, config, mailer: noMail, logger: silent },
    { executeSql: server.database.executeSql, work: true, dailyCron: false, pollingIntervalSeconds: 0.5, retryLimit: 1, retryDelaySeconds: 1 },
  );
}, 30_000);
afterAll(() => queue.stop(5_000), 30_000);

/** The county admin, as the routes hand her to the job. */
async function countyAdmin() {
  const db = server.database.db;
  const user = await db.selectFrom('app_user as u').innerJoin('membership as m', 'm.user_id', 'u.id').select(['u.id', 'm.organisation_id']).where('u.email', '=', 'fylke@demo.kompetansebro.no').executeTakeFirstOrThrow();
  const principal = await loadPrincipal(db, user.id, user.organisation_id);
  if (!principal) throw new Error('no county admin');
  return { scope: await loadScope(db, principal), payload: { userId: user.id, organisationId: user.organisation_id } };
}

const detailOf = async (id: string) => json<ImportDetail>(await server.request(`/api/imports/${id}`), 200);

async function settled(id: string, status: string): Promise<ImportDetail> {
  const until = Date.now() + 20_000;
  let detail = await detailOf(id);
  while (detail.job?.status !== status) {
    if (Date.now() > until) throw new Error(`import job never ${status}: ${JSON.stringify(detail.job)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    detail = await detailOf(id);
  }
  return detail;
}

/** Inserting an actor fails the first `times` times (a sequence is not rolled back with the transaction). */
async function actorInsertsFail(times: number) {
  await sql.raw(`create sequence if not exists import_job_test_seq`).execute(server.database.db);
  await sql.raw(`select setval('import_job_test_seq', 1, false)`).execute(server.database.db);
  await sql
    .raw(
      `create or replace function import_job_test_fail() returns trigger language plpgsql as $$
       begin if nextval('import_job_test_seq') <= ${times} then raise exception 'the disk is full (test)'; end if; return new; end $$`,
    )
    .execute(server.database.db);
  await sql.raw(`create or replace trigger import_job_test_fail before insert on actor for each row execute function import_job_test_fail()`).execute(server.database.db);
}
const actorInsertsWork = () => sql.raw(`drop trigger if exists import_job_test_fail on actor`).execute(server.database.db);

const actorsWithNumbers = (numbers: string[]) => server.database.db.selectFrom('actor').select('library_number').where('library_number', 'in', numbers).execute();
const NUMBERS = ['2099101', '2099102', '2099103', '2099104'];

describe('import jobs on the queue', () => {
  it('checks the rows as a job, with its progress and its answer kept on the import', async () => {
    const file = await uploaded('bb.csv', fixture('base-bibliotek-eksempel.csv'));
    const queued = await json<ImportDetail>(await server.request(`/api/imports/${file.id}/preview`, jsonBody('POST', file.suggested)), 202);
    expect(queued.job).toMatchObject({ kind: 'preview', status: 'done', phase: 'checking', done: 4, total: 4, attempts: 1, error: null });
    expect((await json<{ counts: unknown }>(await server.request(`/api/imports/${file.id}/preview`), 200)).counts).toEqual({ new: 4, changed: 0, unchanged: 0, rejected: 0 });
    // The earlier imports show the job too.
    const listed = await json<ImportDetail[]>(await server.request('/api/imports'), 200);
    expect(listed.find((i) => i.id === file.id)?.job).toMatchObject({ kind: 'preview', status: 'done' });
  });

  it('applies on the queue: a failure is retried by the queue, and the rows are written once', async () => {
    const file = await uploaded('bb.csv', fixture('base-bibliotek-eksempel.csv'));
    await preview(file.id, file.suggested);
    await actorInsertsFail(1);
    try {
      const { scope, payload } = await countyAdmin();
      await queueImportJob(server.database.db, scope, file.id, 'apply', file.suggested, { userId: payload.userId });
      await queue.enqueue('import', { importId: file.id, ...payload });
      const done = await settled(file.id, 'done');
      expect(done).toMatchObject({ status: 'applied', counts: { new: 4 }, job: { kind: 'apply', phase: 'writing', done: 4, total: 4, attempts: 2, error: null } });
      expect(await actorsWithNumbers(NUMBERS)).toHaveLength(4);
    } finally {
      await actorInsertsWork();
    }
    await json(await server.request(`/api/imports/${file.id}/undo`, { method: 'POST' }), 200);
  });

  it('fails with its reason when the retries run out, nothing written; the county tries again and it applies', async () => {
    const file = await uploaded('bb.csv', fixture('base-bibliotek-eksempel.csv'));
    await actorInsertsFail(10);
    try {
      const { scope, payload } = await countyAdmin();
      await queueImportJob(server.database.db, scope, file.id, 'apply', file.suggested, { userId: payload.userId });
      await queue.enqueue('import', { importId: file.id, ...payload });
      const failed = await settled(file.id, 'failed');
      expect(failed).toMatchObject({ status: 'uploaded', job: { kind: 'apply', status: 'failed', attempts: 2, error: 'the disk is full (test)' } });
      expect(await actorsWithNumbers(NUMBERS)).toEqual([]);
      // While it has not failed it cannot be tried again; a second apply waits for the first.
      await server.database.db.updateTable('import_batch').set({ job_status: 'running' }).where('id', '=', file.id).execute();
      expect((await server.request(`/api/imports/${file.id}/retry`, { method: 'POST' })).status).toBe(409);
      const second = await server.request(`/api/imports/${file.id}/apply`, jsonBody('POST', file.suggested));
      expect(second.status).toBe(409);
      expect((await problemOf(second)).detail).toContain('wait until it is done');
      await server.database.db.updateTable('import_batch').set({ job_status: 'failed' }).where('id', '=', file.id).execute();
    } finally {
      await actorInsertsWork();
    }
    const retried = await json<ImportDetail>(await server.request(`/api/imports/${file.id}/retry`, { method: 'POST' }), 202);
    expect(retried).toMatchObject({ status: 'applied', job: { kind: 'apply', status: 'done', error: null } });
    expect(await actorsWithNumbers(NUMBERS)).toHaveLength(4);
    await json(await server.request(`/api/imports/${file.id}/undo`, { method: 'POST' }), 200);
  });

  it('a preview that is refused (a field of another kind of file) is 400 at once, nothing queued', async () => {
    const file = await uploaded('bb.csv', fixture('base-bibliotek-eksempel.csv'));
    const refused = await server.request(`/api/imports/${file.id}/preview`, jsonBody('POST', { ...file.suggested, columns: { ...file.suggested.columns, inst: 'actorName' } }));
    expect(refused.status).toBe(400);
    expect((await detailOf(file.id)).job).toBeNull();
  });
});
