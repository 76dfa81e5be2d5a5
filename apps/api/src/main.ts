import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { loadSampleData, migrateToLatest, openDatabase, startEmbeddedUpkeep } from '@kompetansebro/db';
import { applyDataRepairs, createApp, createMailer, createServerLogger, startJobQueue, tuneRuntimeForServing, type AppConfig } from '@kompetansebro/server';
import { edgeConfig, mailAndLoginConfig, parseEnv, reuseConfig } from './env';
import { mountFrontends } from './frontends';
import { createFileMailer } from './file-mailer';

const VERSION = process.env['npm_package_version'] ?? '0.1.0';

async function main(): Promise<void> {
  tuneRuntimeForServing();
  let env;
  try {
    env = parseEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const logger = createServerLogger({ level: env.LOG_LEVEL });
  const started = performance.now();

  const database = await openDatabase(
    env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: resolve(env.DATA_DIR, 'pglite') },
    { onIdleConnectionLost: (error) => logger.warn({ err: error }, 'an idle database connection was closed by the server; the next query opens another') },
  );
  const migrations = await migrateToLatest(database.db);
  if (migrations.length > 0) logger.info({ migrations }, 'database migrated');

  const loadSample = env.LOAD_SAMPLE_DATA ?? database.target === 'pglite';
  if (loadSample) {
    const loaded = await loadSampleData(database.db);
    logger.info({ loaded }, 'sample data loaded (existing rows kept)');
  }
  // After the sample data, so rows it kept from an older start are repaired too. A repair that
  // fails is not needed to serve: it is logged, left unmarked and tried again at the next start.
  try {
    const repaired = await applyDataRepairs(database.db);
    if (repaired.length > 0) logger.info({ repaired }, 'stored data repaired');
  } catch (error) {
    logger.error({ err: error }, 'a repair of stored data failed; it is tried again at the next start');
  }

  const config: AppConfig = {
    databaseKind: database.target,
    version: VERSION,
    documentsDir: resolve(env.DATA_DIR, 'documents'),
    cookieSecure: env.COOKIE_SECURE,
    ...mailAndLoginConfig(env),
    ...edgeConfig(env),
    ...reuseConfig(env),
  };
  if (!config.mail?.smtpUrl) logger.warn('SMTP_URL is not set: e-mails (password-reset and invitation links) are written to this log, not sent');
  if (config.oidc) logger.info({ issuer: config.oidc.issuer, name: config.oidc.displayName }, 'OIDC login enabled');
  const mailer = env.MAIL_DIR ? createFileMailer(resolve(env.MAIL_DIR), config.mail?.from ?? 'Kompetansebro') : createMailer(config.mail, logger);
  // The job queue lives in the database (pg-boss): every instance queues; JOBS=off leaves the work
  // to other instances (API-only), and REMINDERS=off schedules no daily job here.
  const jobs = await startJobQueue(
    { db: database.db, config, logger, mailer },
    { executeSql: database.executeSql, work: env.JOBS === 'on', dailyCron: env.REMINDERS === 'on' ? '0 6 * * *' : false },
  );
  logger.info({ worker: env.JOBS === 'on', daily: env.REMINDERS === 'on' && env.JOBS === 'on' }, 'job queue started');
  // The embedded database has no autovacuum: the server vacuums and analyzes it as autovacuum would.
  const upkeep =
    database.target === 'pglite'
      ? startEmbeddedUpkeep(database.executeSql, {
          firstAfterMs: 5_000,
          everyMs: 60_000,
          onRound: (steps, ms) => {
            if (steps === 'all' || steps.length > 0) logger.info({ tables: steps === 'all' ? 'all' : steps.map((step) => step.table), ms: Math.round(ms) }, 'embedded database vacuumed and analyzed');
          },
          onError: (error) => logger.error({ err: error }, 'embedded database upkeep failed'),
        })
      : undefined;
  const app = createApp({ db: database.db, config, logger, mailer, jobs });
  const frontendPaths = mountFrontends(app, env.STATIC_DIR);

  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    logger.info(
      { port: info.port, database: database.target, frontends: frontendPaths, startupMs: Math.round(performance.now() - started) },
      `Kompetansebro is listening on http://localhost:${info.port}/ (the student finder; the apps at ${frontendPaths.join(', ')})`,
    );
  });

  // SIGTERM: stop taking requests and jobs, let those under way finish (jobs up to 30 s; a job cut
  // short is retried by another instance, once-only), then close the database.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const closed = new Promise<void>((done) => server.close(() => done()));
    void Promise.all([closed, jobs.stop(30_000), upkeep?.stop()])
      .catch((error: unknown) => logger.error({ err: error }, 'stopping the job queue failed'))
      .then(() => database.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Kompetansebro could not start:', error);
  process.exit(1);
});
