import { tmpdir } from 'node:os';
import { DEFAULT_REUSE, type AppConfig } from '@kompetansebro/server';

/**
 * The app's configuration in the bench: what it reuses from memory, and for how long, as
 * production's defaults have it, so the bench measures the server as production runs it (and
 * captures the SQL such a server runs).
 */
export function benchAppConfig(databaseKind: AppConfig['databaseKind'], extra: Partial<AppConfig> = {}): AppConfig {
  return { databaseKind, version: 'bench', documentsDir: tmpdir(), cookieSecure: false, ...DEFAULT_REUSE, ...answerSecondsFromEnv(), ...extra };
}

/**
 * PUBLIC_ANSWER_SECONDS=0 measures what the public answers cost when each is built (none kept);
 * READ_REUSE_SECONDS=0 what every request costs when nothing is reused (the principal, the
 * calendar check, the overview's coverage of every region).
 */
function answerSecondsFromEnv(): Partial<AppConfig> {
  const seconds = (name: string) => {
    const value = process.env[name];
    return value === undefined || value === '' ? undefined : Number(value);
  };
  const publicAnswerSeconds = seconds('PUBLIC_ANSWER_SECONDS');
  const readReuseSeconds = seconds('READ_REUSE_SECONDS');
  return { ...(publicAnswerSeconds === undefined ? {} : { publicAnswerSeconds }), ...(readReuseSeconds === undefined ? {} : { readReuseSeconds }) };
}
