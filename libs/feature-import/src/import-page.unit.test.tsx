import type { ImportDetail, ImportSummary } from '@kompetansebro/domain';
import { buildMe, buildMembership, mswServer, renderRoute, scenario, testOrganisations } from '@kompetansebro/testing';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createImportRoute } from './import-routes';

const summary = (over: Partial<ImportSummary>): ImportSummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  target: 'actor',
  fileName: 'bibliotek.csv',
  status: 'applied',
  rowCount: 2,
  createdAt: '2026-12-01T10:00:00.000Z',
  appliedAt: '2026-12-01T10:05:00.000Z',
  undoneAt: null,
  undoUntil: '2026-12-31T10:05:00.000Z',
  counts: { new: 2, changed: 0, unchanged: 0, rejected: 0 },
  job: null,
  ...over,
});

const servicesFile: ImportDetail = {
  ...summary({ id: '00000000-0000-4000-8000-000000000002', target: 'service', fileName: 'tjenester.csv', status: 'uploaded', appliedAt: null, undoUntil: null, counts: null }),
  headers: ['Aktør', 'Tjeneste'],
  sample: [['Namsos bibliotek', 'Grupperom']],
  suggested: { format: 'custom', columns: { Aktør: 'actorName', Tjeneste: 'type' }, defaultKind: null },
  mapping: null,
};

const applyJob = (over: Partial<NonNullable<ImportSummary['job']>>): ImportSummary['job'] => ({
  kind: 'apply',
  status: 'running',
  phase: 'writing',
  done: 1_200,
  total: 5_000,
  attempts: 1,
  error: null,
  queuedAt: '2026-12-01T10:04:00.000Z',
  ...over,
});
const preview = { id: servicesFile.id, counts: { new: 1, changed: 0, unchanged: 0, rejected: 0 }, rows: [] };

/** The import screen as the county admin sees it, with these earlier imports; answers what the upload sent. */
function renderImport(file: ImportDetail = servicesFile) {
  scenario().use();
  const uploads: { target: FormDataEntryValue | null; fileName: string | undefined }[] = [];
  mswServer.use(
    http.get('*/api/imports', () => HttpResponse.json([summary({}), { ...file, headers: undefined, sample: undefined }])),
    http.get('*/api/imports/:id', () => HttpResponse.json(file)),
    http.get('*/api/imports/:id/preview', () => HttpResponse.json(preview)),
    http.post('*/api/imports', async ({ request }) => {
      const form = await request.formData();
      const file = form.get('file');
      uploads.push({ target: form.get('target'), fileName: file instanceof File ? file.name : undefined });
      return HttpResponse.json({ ...servicesFile, id: '00000000-0000-4000-8000-000000000003', fileName: 'kontakter.csv', target: 'contact', headers: ['Navn'], sample: [['Kari']], suggested: { format: 'custom', columns: { Navn: 'name' }, defaultKind: null } }, { status: 201 });
    }),
  );
  const view = renderRoute({ path: '/import', createRoutes: (root) => [createImportRoute(root)] });
  return { ...view, uploads };
}

describe('ImportPage', () => {
  it('keeps the focus on "Forhåndsvis" while the preview runs, rather than dropping it to the page body', async () => {
    const running: ImportDetail = { ...servicesFile, job: applyJob({ kind: 'preview', done: 0, total: 2 }) };
    const previews: unknown[] = [];
    const { user } = renderImport();
    mswServer.use(
      http.post('*/api/imports/:id/preview', async ({ request }) => {
        previews.push(await request.json());
        return HttpResponse.json(running);
      }),
    );
    const history = await screen.findByRole('table', { name: 'De siste importene' });
    await user.click(await within(history).findByRole('button', { name: 'Fortsett importen av tjenester.csv' }));
    const submit = await screen.findByRole('button', { name: 'Forhåndsvis' });
    await user.click(submit);
    const busy = await screen.findByRole('button', { name: 'Sjekker radene …' });
    expect(document.activeElement).toBe(busy);
    // A browser drops the focus from a disabled button (jsdom does not): busy, but not disabled.
    expect((busy as HTMLButtonElement).disabled).toBe(false);
    expect(busy.getAttribute('aria-disabled')).toBe('true');
    // Pressing it again while the rows are checked sends nothing more.
    await user.click(busy);
    expect(previews).toHaveLength(1);
  });

  it('lists earlier imports with what they hold, undo where allowed, and goes on with an uploaded file', async () => {
    const { user } = renderImport();
    const history = await screen.findByRole('table', { name: 'De siste importene' });
    const applied = await within(history).findByRole('row', { name: /bibliotek\.csv/ });
    expect(within(applied).getByRole('cell', { name: 'Aktører' })).toBeTruthy();
    expect(within(applied).getByRole('button', { name: 'Angre importen av bibliotek.csv' })).toBeTruthy();
    const uploaded = within(history).getByRole('row', { name: /tjenester\.csv/ });
    expect(within(uploaded).queryByRole('button', { name: /Angre/ })).toBeNull();

    await user.click(within(uploaded).getByRole('button', { name: 'Fortsett importen av tjenester.csv' }));
    expect(await screen.findByRole('heading', { level: 2, name: '2. Koble kolonnene' })).toBeTruthy();
    // The keyboard goes on at the first column of the file.
    expect(document.activeElement).toBe(screen.getByLabelText('Aktør'));
    // A service file's columns offer the service fields, and no default kind of actor.
    expect((screen.getByLabelText('Tjeneste') as HTMLSelectElement).value).toBe('type');
    expect((screen.getByLabelText('Aktør') as HTMLSelectElement).value).toBe('actorName');
    expect(within(screen.getByLabelText('Tjeneste')).queryByRole('option', { name: 'Biblioteknummer' })).toBeNull();
    expect(screen.queryByLabelText('Type når raden ikke har en')).toBeNull();
  });

  it('sends what the file holds with the upload, and opens the mapping for that kind of file', async () => {
    const { user, uploads } = renderImport();
    await user.selectOptions(await screen.findByLabelText('Filen inneholder'), 'Kontaktpersoner');
    await user.upload(screen.getByLabelText('Fil (CSV eller XLSX)'), new File(['Navn\nKari\n'], 'kontakter.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Last opp' }));
    expect(await screen.findByText(/kontakter\.csv \(Kontaktpersoner\): 2 rader/)).toBeTruthy();
    expect(uploads).toEqual([{ target: 'contact', fileName: 'kontakter.csv' }]);
    expect((screen.getByLabelText('Navn') as HTMLSelectElement).value).toBe('name');
  });

  it('says why the server refused the file beside the file field, with the summary in focus', async () => {
    const { user } = renderImport();
    const problem = (status: number, errors?: unknown[]) =>
      HttpResponse.json({ type: 'about:blank', title: 'Bad file', status, detail: 'The file has a header row but no rows under it', ...(errors ? { errors } : {}) }, { status, headers: { 'content-type': 'application/problem+json' } });
    mswServer.use(http.post('*/api/imports', () => problem(400, [{ path: 'file', code: 'import_file_header_only', message: 'The file has a header row but no rows under it' }])));
    const field = await screen.findByLabelText('Fil (CSV eller XLSX)');
    await user.upload(field, new File(['Navn\n'], 'tom.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Last opp' }));
    const headerOnly = 'Filen har bare overskrifter. Legg til minst én rad under overskriftene.';
    const summary = (await screen.findByRole('heading', { name: /rette opp/ })).closest('.ds-error-summary');
    expect(document.activeElement).toBe(summary);
    expect(within(summary as HTMLElement).getByRole('link', { name: new RegExp(headerOnly) })).toBeTruthy();
    expect(screen.getAllByText(headerOnly).length).toBeGreaterThan(0);
    expect(screen.queryByText(/nettforbindelsen/)).toBeNull();

    mswServer.use(http.post('*/api/imports', () => problem(415)));
    await user.click(screen.getByRole('button', { name: 'Last opp' }));
    expect((await screen.findAllByText('Filtypen kan ikke leses – bruk CSV eller Excel (XLSX).')).length).toBeGreaterThan(0);
  });

  it('tells a county viewer who opens the address that only the administrators import, with no upload form', async () => {
    scenario({ account: { email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) } }).use();
    renderRoute({ path: '/import', createRoutes: (root) => [createImportRoute(root)] });
    expect(await screen.findByRole('heading', { level: 2, name: 'Bare fylkets administratorer importerer' })).toBeTruthy();
    expect(screen.queryByLabelText('Fil (CSV eller XLSX)')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Last opp' })).toBeNull();
  });

  it('shows how far a running apply is, in the list and on the import, and that the user may leave', async () => {
    const { user } = renderImport({ ...servicesFile, job: applyJob({}) });
    const history = await screen.findByRole('table', { name: 'De siste importene' });
    const running = await within(history).findByRole('row', { name: /tjenester\.csv/ });
    expect(within(running).getByText('Lagres (1200 av 5000)')).toBeTruthy();
    await user.click(within(running).getByRole('button', { name: 'Fortsett importen av tjenester.csv' }));
    const progress = await screen.findByRole('progressbar', { name: 'Lagrer i registeret: 1200 av 5000' });
    expect(progress.getAttribute('value')).toBe('1200');
    expect(screen.getByText(/Du kan gå fra siden og arbeide videre/)).toBeTruthy();
  });

  it('says why an apply failed, and tries it again', async () => {
    const retried: string[] = [];
    mswServer.use(
      http.post('*/api/imports/:id/retry', ({ params }) => {
        retried.push(String(params['id']));
        return HttpResponse.json({ ...servicesFile, job: applyJob({ status: 'queued', done: 0 }) }, { status: 202 });
      }),
    );
    const { user } = renderImport({ ...servicesFile, job: applyJob({ status: 'failed', error: 'Disken er full' }) });
    const history = await screen.findByRole('table', { name: 'De siste importene' });
    const failed = await within(history).findByRole('row', { name: /tjenester\.csv/ });
    expect(within(failed).getByText('Lagringen feilet')).toBeTruthy();
    await user.click(within(failed).getByRole('button', { name: 'Fortsett importen av tjenester.csv' }));
    expect(await screen.findByText('Importen ble ikke lagret – ingenting i registeret er endret')).toBeTruthy();
    expect(screen.getByText('Årsak: Disken er full')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    expect(retried).toEqual([servicesFile.id]);
  });
});
