// @vitest-environment happy-dom
// (The page a serving API fills in is read from the DOM.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RUNTIME_CONFIG_ELEMENT_ID } from '@kompetansebro/domain';
import { DEFAULT_CONTACT_EMAIL, loadRuntimeConfig } from './runtime-config';

function serve(body: unknown, status = 200) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('loadRuntimeConfig', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads config.json beside the app, relative to its base path', async () => {
    const fetchMock = serve({ apiBaseUrl: 'https://api.example.no/', contactEmail: 'kompetanse@example.no' });
    await expect(loadRuntimeConfig('/fylke/')).resolves.toEqual({ apiBaseUrl: 'https://api.example.no', contactEmail: 'kompetanse@example.no' });
    expect(fetchMock).toHaveBeenCalledWith('/fylke/config.json', expect.objectContaining({ cache: 'no-cache' }));
  });

  it('uses the same origin and the default contact when only apiBaseUrl is given', async () => {
    serve({ apiBaseUrl: '' });
    await expect(loadRuntimeConfig('/studiesenter')).resolves.toEqual({ apiBaseUrl: '', contactEmail: DEFAULT_CONTACT_EMAIL });
  });

  it('reads the config the serving API put in the page, without a request', async () => {
    const fetchMock = serve({ apiBaseUrl: 'https://elsewhere.example.no' });
    const inline = document.createElement('script');
    inline.type = 'application/json';
    inline.id = RUNTIME_CONFIG_ELEMENT_ID;
    inline.textContent = JSON.stringify({ apiBaseUrl: '', contactEmail: 'kompetanse@example.no' });
    document.body.append(inline);
    try {
      await expect(loadRuntimeConfig('/fylke/')).resolves.toEqual({ apiBaseUrl: '', contactEmail: 'kompetanse@example.no' });
      expect(fetchMock).not.toHaveBeenCalled();
    } finally {
      inline.remove();
    }
  });

  it('fails clearly when the file is missing or malformed', async () => {
    serve({}, 404);
    await expect(loadRuntimeConfig('/fylke/')).rejects.toThrow('HTTP 404');
    serve({ api: '' });
    await expect(loadRuntimeConfig('/fylke/')).rejects.toThrow('"apiBaseUrl"');
  });
});
