import { z } from 'zod';
import { columnMappingSchema, importDetailSchema, type ImportDetail, importTargetSchema, importPreviewRequestSchema, importPreviewSchema, importSummarySchema, savedMappingSchema } from '@kompetansebro/domain';
import type { Context } from 'hono';
import { principalOf } from '../auth/access-control';
import { accessOf, type Scope } from '../auth/visibility';
import type { AppEnv } from '../http/app-env';
import type { ChangeContext } from '../persistence/repository-helpers';
import { jsonAnswer, jsonBody, routesTagged } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { invalidInput } from '../http/problem';
import { createImport, getImport, getImportPreview, listImports, listMappings, queueImportJob, retryImportJob, undoImport } from './import.repository';
import { queueImport } from './import-job';
import { readTable } from './read-table';

const route = routesTagged('Imports');

/** Records the job (committed), queues it — never inside a transaction — and answers the import as it is then. */
async function queued(c: Context<AppEnv>, record: (scope: Scope, change: ChangeContext) => Promise<ImportDetail>): Promise<ImportDetail> {
  const { scope, change } = await accessOf(c);
  const principal = principalOf(c);
  const detail = await record(scope, change);
  await queueImport(c.get('deps'), { importId: detail.id, userId: principal.userId, organisationId: principal.organisationId });
  return getImport(c.get('deps').db, scope, detail.id);
}
const ImportDetail = importDetailSchema.meta({ id: 'ImportDetail' });
const ImportSummary = importSummarySchema.meta({ id: 'ImportSummary' });
const ColumnMapping = columnMappingSchema.meta({ id: 'ColumnMapping' });

const uploadRoute = route('post', '/api/imports', ['import', 'create'], {
  summary:
    'Upload a CSV or XLSX file (multipart field "file", at most 50,000 rows) of actors, or of the contacts, services or opening hours of actors in the register ("target", default actor): stored for preview, nothing in the register changes',
  request: {
    body: {
      content: { 'multipart/form-data': { schema: z.object({ file: z.any().meta({ type: 'string', format: 'binary' }), target: importTargetSchema.default('actor') }) } },
      required: true,
    },
  },
  answers: { 201: jsonAnswer('The file as read, with the column mapping suggested from its headers', ImportDetail) },
  problems: [400, 415],
});
const listRoute = route('get', '/api/imports', ['import', 'read'], {
  summary: 'The latest imports, newest first',
  answers: { 200: jsonAnswer('Imports', z.array(ImportSummary)) },
});
const mappingsRoute = route('get', '/api/imports/mappings', ['import', 'read'], {
  summary: 'Column mappings saved under a name',
  answers: { 200: jsonAnswer('Saved mappings', z.array(savedMappingSchema.meta({ id: 'SavedMapping' }))) },
});
const getRoute = route('get', '/api/imports/{id}', ['import', 'read'], {
  summary: 'One import: its headers, first rows, suggested and chosen mapping, status',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The import', ImportDetail) },
  problems: [400, 404],
});
const previewRoute = route('post', '/api/imports/{id}/preview', ['import', 'create'], {
  summary:
    'Queue the check of every row with this mapping (and save the mapping, under a name if asked): new, changed, unchanged and rejected rows with the reason per field, and likely duplicates. Follow its progress on the import; read the answer at …/preview when done. Nothing in the register changes',
  request: { params: idParamsSchema, body: jsonBody(importPreviewRequestSchema.meta({ id: 'ImportPreviewRequest' })) },
  answers: { 202: jsonAnswer('The import with its preview queued (or done, where jobs run at once)', ImportDetail) },
  problems: [400, 404, 409, 415],
});
const previewResultRoute = route('get', '/api/imports/{id}/preview', ['import', 'read'], {
  summary: 'The last preview of the import, when its check has run to the end (404 until then)',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The preview', importPreviewSchema.meta({ id: 'ImportPreview' })) },
  problems: [400, 404],
});
const applyRoute = route('post', '/api/imports/{id}/apply', ['import', 'update'], {
  summary:
    'Queue the apply of the import with this mapping: in one transaction, the rows checked again; when a row is rejected nothing is written and the job fails saying why. Follow its progress on the import',
  request: { params: idParamsSchema, body: jsonBody(ColumnMapping) },
  answers: { 202: jsonAnswer('The import with its apply queued (or done, where jobs run at once)', ImportDetail) },
  problems: [400, 404, 409, 415],
});
const retryRoute = route('post', '/api/imports/{id}/retry', ['import', 'update'], {
  summary: 'Try a failed preview or apply again (409 unless it failed)',
  request: { params: idParamsSchema },
  answers: { 202: jsonAnswer('The import with its job queued again', ImportDetail) },
  problems: [400, 404, 409],
});
const undoRoute = route('post', '/api/imports/{id}/undo', ['import', 'delete'], {
  summary: 'Undo a whole applied import (within 30 days): created records go, changed ones get their fields back (opening hours: the timetable before); 409 when one has changed since',
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The import, undone', ImportSummary) },
  problems: [400, 404, 409],
});

export const importRouter = createRouter()
  .openapi(uploadRoute, async (c) => {
    const { file, target } = c.req.valid('form') as { file: unknown; target: z.infer<typeof importTargetSchema> };
    if (!(file instanceof File)) throw invalidInput([{ path: 'file', code: 'invalid_type', message: 'Send the CSV or XLSX file in the field "file"' }]);
    const table = await readTable(file.name, new Uint8Array(await file.arrayBuffer()));
    const { scope, change } = await accessOf(c);
    const detail = await createImport(c.get('deps').db, scope, target, file.name, table, change);
    c.header('Location', `/api/imports/${detail.id}`);
    return c.json(detail, 201);
  })
  .openapi(listRoute, async (c) => c.json(await listImports(c.get('deps').db, (await accessOf(c)).scope), 200))
  .openapi(mappingsRoute, async (c) => c.json(await listMappings(c.get('deps').db, (await accessOf(c)).scope), 200))
  .openapi(getRoute, async (c) => c.json(await getImport(c.get('deps').db, (await accessOf(c)).scope, c.req.valid('param').id), 200))
  .openapi(previewRoute, async (c) => c.json(await queued(c, (scope, change) => queueImportJob(c.get('deps').db, scope, c.req.valid('param').id, 'preview', c.req.valid('json'), change)), 202))
  .openapi(previewResultRoute, async (c) => c.json(await getImportPreview(c.get('deps').db, (await accessOf(c)).scope, c.req.valid('param').id), 200))
  .openapi(applyRoute, async (c) => c.json(await queued(c, (scope, change) => queueImportJob(c.get('deps').db, scope, c.req.valid('param').id, 'apply', c.req.valid('json'), change)), 202))
  .openapi(retryRoute, async (c) => c.json(await queued(c, (scope, change) => retryImportJob(c.get('deps').db, scope, c.req.valid('param').id, change)), 202))
  .openapi(undoRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    return c.json(await undoImport(c.get('deps').db, scope, c.req.valid('param').id, change), 200);
  });
