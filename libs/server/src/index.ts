export { createApp, type AppType, type CreateAppOptions, type Logger } from './app';
export type { AppConfig, AppDeps } from './http/app-env';
export { DEFAULT_REUSE } from './http/app-env';
export { sendLiaisonDigest, type DigestRunResult } from './liaison/digest.repository';
export { runDaily, runReminders, type ReminderDeps, type ReminderRunResult } from './jobs/reminders';
export { startJobQueue, type JobQueue, type RunningJobQueue } from './jobs/job-queue';
export { createMailer, type Mailer, type MailMessage } from './auth/mail';
export { parseTrustedRange } from './http/client-address';
export { MAX_JSON_BODY_BYTES, requestOrigin } from './http/security';
