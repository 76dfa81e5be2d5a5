import { performance } from 'node:perf_hooks';
import { loadSampleData, migrateToLatest, sampleMunicipalities } from '@kompetansebro/db';
import { createApp } from '@kompetansebro/server';
import { benchAppConfig } from './bench-app-config';
import { createBenchPglite, startBenchPostgres } from './bench-database';

export const IMPORT_ROWS = 5_000;

export interface ImportFigures {
  database: string;
  rows: number;
  uploadMs: number;
  previewMs: number;
  applyMs: number;
  undoMs: number;
}

/** A library list of `rows` new public libraries (invented names and library numbers 3000000…) as semicolon CSV. */
function libraryList(rows: number): string {
  const lines = ['Navn;Type;Kommunenummer;Biblioteknummer;Adresse;E-post'];
  for (let i = 0; i < rows; i++) {
    const municipality = sampleMunicipalities[i % sampleMunicipalities.length]?.number ?? '5001';
    lines.push(`Benkbibliotek ${i};folkebibliotek;${municipality};${3_000_000 + i};Benkvegen ${i};post${i}@bench.example`);
  }
  return `${lines.join('\n')}\n`;
}

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await work();
  return { result, ms: performance.now() - start };
}

/**
 * The import of a 5,000-row library list through the API in process (upload, preview, apply,
 * undo), on the sample data, as the county admin.
 */
export async function measureImport(kind: 'postgres' | 'pglite'): Promise<ImportFigures> {
  const database = kind === 'postgres' ? await startBenchPostgres() : await createBenchPglite();
  const handle = await database.open();
  try {
    await migrateToLatest(handle.db);
    await loadSampleData(handle.db);
    const app = createApp({ db: handle.db, config: benchAppConfig(kind) });
    const login = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'fylke@demo.kompetansebro.no', password: 'kompetansebro' }),
    });
    if (login.status !== 200) throw new Error(`login answered ${login.status}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const call = async (path: string, init: RequestInit & { json?: unknown } = {}) => {
      const headers = new Headers(init.headers);
      headers.set('Cookie', cookie);
      if (init.json !== undefined) headers.set('Content-Type', 'application/json');
      const response = await app.request(path, { ...init, headers, ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : {}) });
      if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
      return (await response.json()) as Record<string, unknown>;
    };
    const form = new FormData();
    form.set('file', new File([libraryList(IMPORT_ROWS)], 'benk.csv'));
    const upload = await timed(() => call('/api/imports', { method: 'POST', body: form }));
    const id = String(upload.result['id']);
    const mapping = upload.result['suggested'];
    // The preview and the apply are jobs on the queue (run at once here, as createApp does without one): queued, then followed until done.
    const finished = async (queued: Record<string, unknown>) => {
      let detail = queued;
      while (['queued', 'running'].includes(String((detail['job'] as { status?: string } | null)?.status))) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        detail = await call(`/api/imports/${id}`);
      }
      const job = detail['job'] as { status: string; error: string | null };
      if (job.status !== 'done') throw new Error(`the import job ${job.status}: ${job.error ?? ''}`);
      return detail;
    };
    const preview = await timed(async () => {
      await finished(await call(`/api/imports/${id}/preview`, { method: 'POST', json: mapping }));
      return call(`/api/imports/${id}/preview`);
    });
    const counts = preview.result['counts'] as { new: number };
    if (counts.new !== IMPORT_ROWS) throw new Error(`the preview found ${counts.new} new rows, not ${IMPORT_ROWS}`);
    const apply = await timed(async () => finished(await call(`/api/imports/${id}/apply`, { method: 'POST', json: mapping })));
    const undo = await timed(() => call(`/api/imports/${id}/undo`, { method: 'POST' }));
    return { database: database.label, rows: IMPORT_ROWS, uploadMs: upload.ms, previewMs: preview.ms, applyMs: apply.ms, undoMs: undo.ms };
  } finally {
    await handle.close();
    await database.dispose();
  }
}
