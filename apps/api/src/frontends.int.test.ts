import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountFrontends } from './frontends';

let staticDir: string;
const app = new Hono();

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'kompetansebro-static-'));
  await mkdir(join(staticDir, 'county-console', 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'county-console', 'index.html'), '<!doctype html><title>Fylke</title>');
  await writeFile(join(staticDir, 'county-console', 'assets', 'main-abc123.js'), 'console.log(1)');
  await mkdir(join(staticDir, 'library-portal'), { recursive: true });
  await writeFile(join(staticDir, 'library-portal', 'index.html'), '<!doctype html><title>Bibliotek</title>');
  mountFrontends(app, staticDir);
});
afterAll(async () => {
  await rm(staticDir, { recursive: true, force: true });
});

describe('mountFrontends', () => {
  it('serves a built app under its base path, hashed assets as immutable', async () => {
    const asset = await app.request('/fylke/assets/main-abc123.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it("answers deep links with the app's index.html, so its router takes over", async () => {
    const deepLink = await app.request('/fylke/aktorer/123');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Fylke</title>');
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the library portal under /bibliotek/, deep links included', async () => {
    const deepLink = await app.request('/bibliotek/apningstider/123');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Bibliotek</title>');
    expect((await app.request('/bibliotek')).headers.get('location')).toBe('/bibliotek/');
  });

  it('redirects the bare base path and leaves apps that are not built alone', async () => {
    const bare = await app.request('/fylke');
    expect(bare.status).toBe(301);
    expect(bare.headers.get('location')).toBe('/fylke/');
    expect((await app.request('/studiesenter/')).status).toBe(404);
  });
});
