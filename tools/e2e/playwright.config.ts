import { defineConfig } from '@playwright/test';

const PORT = Number(process.env['E2E_PORT'] ?? 3199);
const DATA_DIR = `tmp/e2e-data-${process.pid}`;

/**
 * Browser journeys in Debian's Chromium against the built apps and the real server, started on
 * a fresh embedded database with the sample data. Run by `npm run test:e2e` after the build.
 */
export default defineConfig({
  testDir: './src',
  testMatch: '**/*.e2e.test.ts',
  outputDir: '../../tmp/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
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
  webServer: {
    command: `rm -rf ${DATA_DIR} && node dist/apps/api/main.js`,
    cwd: '../..',
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: { PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR, LOG_LEVEL: 'warn', MAIL_DIR: (process.env['E2E_MAIL_DIR'] ??= `${process.cwd()}/tmp/e2e-mail-${process.pid}`), REMINDERS: 'off' },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
