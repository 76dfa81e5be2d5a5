import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnMapping, ImportDetail, ImportPreview, ImportTarget } from '@kompetansebro/domain';
import { jsonBody, type RequestAs, type TestServer } from '@kompetansebro/testing/server';
import { expect } from 'vitest';
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
  const apply = (id: string, mapping: ColumnMapping) => server.request(`/api/imports/${id}/apply`, jsonBody('POST', mapping));
  return {
    upload,
    uploaded: async (name: string, bytes: Uint8Array | string, target?: ImportTarget) => json<ImportDetail>(await upload(name, bytes, server.request, target), 201),
    /** Queues the preview (run at once in the tests), then reads its answer. */
    preview: async (id: string, mapping: ColumnMapping & { saveAs?: string }) => {
      const queued = await json<ImportDetail>(await server.request(`/api/imports/${id}/preview`, jsonBody('POST', mapping)), 202);
      expect(queued.job).toMatchObject({ kind: 'preview', status: 'done' });
      return json<ImportPreview>(await server.request(`/api/imports/${id}/preview`), 200);
    },
    apply,
    /** Queues the apply (run at once in the tests): the import as it is after. */
    applied: async (id: string, mapping: ColumnMapping) => {
      const detail = await json<ImportDetail>(await apply(id, mapping), 202);
      expect(detail.job).toMatchObject({ kind: 'apply', status: 'done', error: null });
      return detail;
    },
    /** Queues an apply that fails in the job: why. */
    applyFailure: async (id: string, mapping: ColumnMapping) => {
      const detail = await json<ImportDetail>(await apply(id, mapping), 202);
      expect(detail).toMatchObject({ status: 'uploaded', job: { kind: 'apply', status: 'failed' } });
      return detail.job?.error ?? '';
    },
    undo: (id: string) => server.request(`/api/imports/${id}/undo`, { method: 'POST' }),
  };
}
