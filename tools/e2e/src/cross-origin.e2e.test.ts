import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

// Finding 10 of the hardening issue, "deploy each app alone": the county console, served by a
// static server of its own on another origin (its config.json naming the API's origin), logs in
// and saves a change through the API with credentials. playwright.config.ts lists this origin in
// the API server's ALLOWED_ORIGINS: the API's port + APP_PORT_OFFSET.

const APP_PORT_OFFSET = 1000;
const APP_DIR = resolve(process.cwd(), 'dist/apps/county-console');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};

/** A plain static server for the built app under /fylke/ (the SPA's index.html for its routes), with config.json pointing at `apiOrigin`. */
function serveAppAlone(port: number, apiOrigin: string): Promise<Server> {
  const server = createServer((request, response) => {
    void (async () => {
      const path = new URL(request.url ?? '/', 'http://app').pathname;
      if (!path.startsWith('/fylke/')) {
        response.writeHead(404).end();
        return;
      }
      if (path === '/fylke/config.json') {
        response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ apiBaseUrl: apiOrigin }));
        return;
      }
      const file = normalize(join(APP_DIR, path.slice('/fylke/'.length)));
      const inside = file.startsWith(APP_DIR) && extname(file) !== '';
      try {
        const body = await readFile(inside ? file : join(APP_DIR, 'index.html'));
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES[inside ? extname(file) : '.html'] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    })();
  });
  return new Promise((done) => server.listen(port, '127.0.0.1', () => done(server)));
}

test.describe('an app deployed on its own origin', () => {
  let appServer: Server | undefined;
  let appOrigin = '';
  let apiOrigin = '';

  test.beforeAll(async ({ baseURL }) => {
    apiOrigin = new URL(baseURL ?? '').origin;
    const appPort = Number(new URL(apiOrigin).port) + APP_PORT_OFFSET;
    appOrigin = `http://127.0.0.1:${appPort}`;
    appServer = await serveAppAlone(appPort, apiOrigin);
  });

  test.afterAll(async () => {
    await new Promise<void>((done) => (appServer ? appServer.close(() => done()) : done()));
  });

  test('logs in against the API on another origin and saves a change to a service', async ({ browser }) => {
    const context = await browser.newContext({ baseURL: appOrigin });
    const page = await context.newPage();
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push(new URL(request.url()).origin);
    });

    await logIn(page);
    expect(new URL(page.url()).origin).toBe(appOrigin);
    await page.goto('/fylke/aktorer?q=Namsos%20bibliotek');
    await page.getByRole('link', { name: 'Namsos bibliotek', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Namsos bibliotek' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Rediger Lesesalsplasser' }).click();
    const form = page.getByRole('form', { name: 'Rediger Lesesalsplasser' });
    await form.getByLabel('Kapasitet').fill('42');
    await form.getByRole('button', { name: 'Lagre tjenesten' }).click();
    await expect(page.getByText('Endringene i tjenesten er lagret.')).toBeVisible();

    // Every API call went across to the API's origin (with the session cookie), none to the app's.
    expect(apiCalls.length).toBeGreaterThan(3);
    expect(new Set(apiCalls)).toEqual(new Set([apiOrigin]));

    // Stored: after a reload (the session still good across the origins) the form shows it.
    await page.reload();
    await page.getByRole('button', { name: 'Rediger Lesesalsplasser' }).click();
    await expect(page.getByRole('form', { name: 'Rediger Lesesalsplasser' }).getByLabel('Kapasitet')).toHaveValue('42');
    await context.close();
  });
});
