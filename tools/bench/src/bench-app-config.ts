import { tmpdir } from 'node:os';
import { DEFAULT_REUSE, type AppConfig } from '@kompetansebro/server';

/**
 * The app's configuration in the bench: what it reuses from memory, and for how long, as
 * production's defaults have it, so the bench measures the server as production runs it (and
 * captures the SQL such a server runs).
 */
export function benchAppConfig(databaseKind: AppConfig['databaseKind'], extra: Partial<AppConfig> = {}): AppConfig {
  return { databaseKind, version: 'bench', documentsDir: tmpdir(), cookieSecure: false, ...DEFAULT_REUSE, ...extra };
}
