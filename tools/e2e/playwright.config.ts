import { defineConfig } from '@playwright/test';

const FIRST_PORT = Number(process.env['E2E_PORT'] ?? 3199);
/** Two workers, each with a server and database of its own (the journeys of one worker share them: a journey must not count on what another leaves behind). */
const WORKERS = Number(process.env['E2E_WORKERS'] ?? 2);
// Set by the main process and inherited by the workers, which load this file again.
const RUN = (process.env['E2E_RUN'] ??= String(process.pid));
const mailDir = (server: number) => `${process.cwd()}/tmp/e2e-mail-${RUN}-${server}`;
// In a worker, TEST_PARALLEL_INDEX says which server is its own (0 or 1); the journeys read
// the mails of their own server from E2E_MAIL_DIR.
const ownServer = Number(process.env['TEST_PARALLEL_INDEX'] ?? 0);
process.env['E2E_MAIL_DIR'] = mailDir(ownServer);

/**
 * Browser journeys in Debian's Chromium against the built apps and the real server, started on
 * a fresh embedded database with the sample data. Run by `npm run test:e2e` after the build.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.test.ts',
  outputDir: '../../tmp/e2e-results',
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  // A journey walks several apps as several users (log in, act, log out): minutes, not seconds, on 2 busy cores.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${FIRST_PORT + ownServer}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
    locale: 'nb-NO',
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: Array.from({ length: WORKERS }, (_, server) => {
    const port = FIRST_PORT + server;
    const dataDir = `tmp/e2e-data-${RUN}-${server}`;
    return {
      command: `rm -rf ${dataDir} && node dist/apps/api/main.js`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      // ALLOWED_ORIGINS: where cross-origin.e2e.test.ts serves an app on its own (the port + 1000).
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        MAIL_DIR: mailDir(server),
        REMINDERS: 'off',
        ALLOWED_ORIGINS: `http://127.0.0.1:${port + 1000}`,
      },
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 5_000 },
    };
  }),
});
