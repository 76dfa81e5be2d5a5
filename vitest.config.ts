import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * One Vitest run over the workspace, split by kind of test (docs/architecture.md, "Tests"):
 * unit tests in node or a DOM, integration tests over HTTP against a real database.
 * TEST_DATABASE=postgres runs the integration tests against a throwaway PostgreSQL server.
 */
export default defineConfig({
  resolve: { tsconfigPaths: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{apps,libs,tools}/**/*.unit.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'component',
          include: ['{apps,libs}/**/*.unit.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['libs/testing/src/component-setup.ts'],
          // A file's first test also loads the screens' lazy chunks (and Designsystemet's web
          // components); on a busy 2-core machine that alone can pass the default 5 s.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['{apps,libs}/**/*.int.test.ts'],
          environment: 'node',
          globalSetup: ['libs/testing/src/database-global-setup.ts'],
          // Vitest's default (cores − 1) runs these one file at a time on a 2-core CI machine, though
          // much of their time is spent waiting on HTTP and the database.
          maxWorkers: Math.max(2, availableParallelism()),
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
