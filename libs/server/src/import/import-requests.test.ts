import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnMapping, ImportDetail, ImportPreview, ImportTarget } from '@kompetansebro/domain';
import { jsonBody, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { json } from '../testing/fixture.test';

// The import routes as the integration tests call them, and the sample files in ./fixtures.

export const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name));

export function importRequests(server: TestServer) {
  const upload = (name: string, bytes: Uint8Array | string, request: RequestAs = server.request, target?: ImportTarget): Promise<Response> => {
    const form = new FormData();
    form.set('file', new File([bytes], name));
    if (target) form.set('target', target);
    return request('/api/imports', { method: 'POST', body: form });
  };
  return {
    upload,
    uploaded: async (name: string, bytes: Uint8Array | string, target?: ImportTarget) => json<ImportDetail>(await upload(name, bytes, server.request, target), 201),
    preview: async (id: string, mapping: ColumnMapping & { saveAs?: string }) => json<ImportPreview>(await server.request(`/api/imports/${id}/preview`, jsonBody('POST', mapping)), 200),
    apply: (id: string, mapping: ColumnMapping) => server.request(`/api/imports/${id}/apply`, jsonBody('POST', mapping)),
    undo: (id: string) => server.request(`/api/imports/${id}/undo`, { method: 'POST' }),
  };
}
