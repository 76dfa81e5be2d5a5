// What the global set-up hands to the tests (vitest's provide/inject).
declare module 'vitest' {
  export interface ProvidedContext {
    /** Set when TEST_DATABASE=postgres: the admin URL of a throwaway PostgreSQL server. */
    postgresAdminUrl: string | null;
    /** The database every test database is copied from: migrated, with the sample data. */
    templateDatabase: { kind: 'postgres'; name: string } | { kind: 'pglite'; imageFile: string };
  }
}

export {};
