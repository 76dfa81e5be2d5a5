import type { Kysely } from 'kysely';
import type { Database } from '@kompetansebro/db';
import type { Principal } from '../auth/principal';

export interface AppConfig {
  /** Which database the app runs on, reported by /api/health. */
  databaseKind: 'pglite' | 'postgres';
  /** The application's version, reported by /api/health. */
  version: string;
  /** Where uploaded documents are kept (under the data folder). */
  documentsDir: string;
  /** Secure cookies (HTTPS); off only for plain http on localhost in development and tests. */
  cookieSecure: boolean;
}

export interface AppDeps {
  db: Kysely<Database>;
  config: AppConfig;
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Who is asking; null when not logged in. */
    principal: Principal | null;
    sessionToken: string | null;
  };
}
