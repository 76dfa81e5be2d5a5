import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountFrontends } from './frontends';

let staticDir: string;
const app = new Hono();

beforeAll(async () => {
  staticDir = await mkdtemp(join(tmpdir(), 'kompetansebro-static-'));
  await mkdir(join(staticDir, 'county-console', 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'county-console', 'index.html'), '<!doctype html><html><head><title>Fylke</title></head><body></body></html>');
  await writeFile(join(staticDir, 'county-console', 'config.json'), JSON.stringify({ apiBaseUrl: '', contactEmail: '</script>@example.no' }));
  await writeFile(join(staticDir, 'county-console', 'assets', 'main-abc123.js'), 'console.log(1)');
  // What the build writes beside a file (vite-plugin-compression2): its brotli copy.
  await writeFile(join(staticDir, 'county-console', 'assets', 'app-def456.js'), 'console.log(2)');
  await writeFile(join(staticDir, 'county-console', 'assets', 'app-def456.js.br'), brotliCompressSync('console.log(2)'));
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

  it("sends the build's brotli copy to a browser that accepts it, and the file itself to one that does not", async () => {
    const compressed = await app.request('/fylke/assets/app-def456.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(compressed.status).toBe(200);
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('content-type')).toContain('javascript');
    expect(compressed.headers.get('vary')).toContain('Accept-Encoding');
    expect(brotliDecompressSync(Buffer.from(await compressed.arrayBuffer())).toString()).toBe('console.log(2)');

    const plain = await app.request('/fylke/assets/app-def456.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log(2)');
  });

  it("answers deep links with the app's index.html, so its router takes over", async () => {
    const deepLink = await app.request('/fylke/aktorer/123');
    expect(deepLink.status).toBe(200);
    expect(await deepLink.text()).toContain('<title>Fylke</title>');
    expect(deepLink.headers.get('cache-control')).toBe('no-cache');
  });

  it("puts the app's config in its page and preloads /api/me, the app's first question", async () => {
    for (const path of ['/fylke/', '/fylke/avtaler']) {
      const html = await (await app.request(path)).text();
      const inline = /<script type="application\/json" id="kb-config">(.*?)<\/script>/.exec(html);
      // Escaped so that no value can end the element early.
      expect(JSON.parse(inline?.[1] ?? 'null')).toEqual({ apiBaseUrl: '', contactEmail: '</script>@example.no' });
      expect(html).toContain('<link rel="preload" href="/api/me" as="fetch" crossorigin="anonymous" />');
      expect(html.indexOf('kb-config')).toBeLessThan(html.indexOf('</head>'));
    }
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
