import type { Kysely } from 'kysely';
import type { Database } from '@kompetansebro/db';

export interface AppConfig {
  /** Which database the app runs on, reported by /api/health. */
  databaseKind: 'pglite' | 'postgres';
  /** The application's version, reported by /api/health. */
  version: string;
  /** Where uploaded documents are kept (under the data folder). */
  documentsDir: string;
}

export interface AppDeps {
  db: Kysely<Database>;
  config: AppConfig;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
  };
}
