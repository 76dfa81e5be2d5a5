import { buildFunderReport } from '@kompetansebro/domain';
import { buildInitiativeDetail, mswServer, problemResponse, renderRoute } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createReportRoutes } from './report-routes';

const NB = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

// The NB-funded project with an extension asked for (to 30 June 2027), ending 30 June 2025 as planned.
const initiative = buildInitiativeDetail({
  id: NB,
  startDate: '2023-06-01',
  plannedEndDate: '2025-06-30',
  extensions: [{ id: '33333333-3333-4333-8333-333333333333', askedOn: '2026-01-28', requestedEnd: '2027-06-30', status: 'asked', decidedOn: null, note: null }],
  themes: [],
});
const webinars = ['2023-09-14', '2024-01-25', '2024-05-23', '2024-10-24'].map((date, index) => ({
  id: `44444444-4444-4444-8444-00000000000${index}`,
  kind: 'webinar' as const,
  title: `Webinar ${index + 1}`,
  startDate: date,
  endDate: null,
  outcome: null,
  links: [],
  organiserName: null,
  totalHeadCount: 5,
}));

const summaries = [
  { id: NB, title: initiative.title },
  { id: OTHER, title: 'Universitetskommune 3.0' },
];

/** The report screen over msw; `report` answers the report requests (and records them). */
function renderReports(path: string, report: (url: URL) => Response = (url) => HttpResponse.json(reportFor(url))) {
  const requests: URL[] = [];
  mswServer.use(
    http.get('*/api/initiatives', () => HttpResponse.json({ items: summaries, total: summaries.length, page: 1, pageSize: 100 })),
    http.get('*/api/initiatives/:id/report', ({ request }) => {
      const url = new URL(request.url);
      requests.push(url);
      return report(url);
    }),
  );
  return { ...renderRoute({ path, createRoutes: (root) => [createReportRoutes(root)] }), requests };
}

const FILE = '55555555-5555-4555-8555-555555555555';

/** The report-file job over msw: queued when asked and at the first look, then `end` (the page polls); records what was asked. */
function fileJobs(end: 'done' | 'failed' = 'done') {
  const asked: Array<{ initiative: string; body: unknown }> = [];
  const file = (status: string, format: string) => ({
    id: FILE,
    initiativeId: NB,
    format,
    status,
    fileName: status === 'done' ? `rapport.${format}` : null,
    error: status === 'failed' ? 'Disken er full' : null,
    createdAt: '2026-02-10T10:00:00.000Z',
  });
  let format = 'pdf';
  let looks = 0;
  mswServer.use(
    http.post('*/api/initiatives/:id/report-files', async ({ params, request }) => {
      const body = (await request.json()) as { format: string };
      format = body.format;
      asked.push({ initiative: String(params['id']), body });
      looks = 0;
      return HttpResponse.json(file('queued', format), { status: 202 });
    }),
    http.get('*/api/report-files/:id', () => {
      looks += 1;
      return HttpResponse.json(file(looks === 1 ? 'running' : end, format));
    }),
  );
  return asked;
}

function reportFor(url: URL) {
  const query = { from: url.searchParams.get('from') ?? undefined, to: url.searchParams.get('to') ?? undefined };
  return buildFunderReport({ initiative, activities: webinars, agreements: [], query, today: '2026-02-10' });
}

describe('the funder report screen', () => {
  it('asks for an initiative first, then shows its report and puts the choice in the URL', async () => {
    const { user, router } = renderReports('/rapporter');
    expect(await screen.findByRole('heading', { name: 'Velg et tiltak' })).toBeTruthy();

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Tiltak' }), initiative.title);
    await waitFor(() => expect(router.state.location.search).toEqual({ tiltak: NB }));

    const article = await screen.findByRole('article');
    expect(article.getAttribute('lang')).toBe('nb');
    expect(within(article).getByRole('heading', { level: 3 }).textContent).toBe(`Rapport til Nasjonalbiblioteket: ${initiative.title}`);
    expect(within(article).getByRole('heading', { level: 4, name: 'Søknad om forlengelse' })).toBeTruthy();
    expect(within(article).getByText('4 webinarer fra høsten 2023 til høsten 2024.')).toBeTruthy();
    expect(within(article).getByText(/fram til sommeren 2027 \(30\. juni 2027\)/)).toBeTruthy();
    const funds = within(article).getByRole('table', { name: 'Midler' });
    expect(within(funds).getAllByRole('row').map((row) => row.textContent?.replace(/\u00a0/g, ' '))).toContain('Gjenstående414 600 kr');
    expect(screen.getByRole('button', { name: 'Lag DOCX' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Lag PDF' })).toBeTruthy();
  });

  it('reads the period from the URL, sends it, and asks for the file of the same period', async () => {
    const { requests, user } = renderReports(`/rapporter?tiltak=${NB}&fra=2024-01-01&til=2024-12-31`);
    const asked = fileJobs();
    const article = await screen.findByRole('article');
    expect(within(article).getByText('3 webinarer fra vinteren 2024 til høsten 2024.')).toBeTruthy();
    expect(requests.at(-1)?.searchParams.get('from')).toBe('2024-01-01');
    expect(requests.at(-1)?.searchParams.get('to')).toBe('2024-12-31');
    expect((screen.getByLabelText('Fra dato') as HTMLInputElement).value).toBe('2024-01-01');
    await user.click(screen.getByRole('button', { name: 'Lag PDF' }));
    expect(await screen.findByText('Skriver PDF-filen …')).toBeTruthy();
    const link = await screen.findByRole('link', { name: 'Last ned PDF' }, { timeout: 4000 });
    expect(link.getAttribute('href')).toBe(`/api/report-files/${FILE}/download`);
    expect(asked).toEqual([{ initiative: NB, body: { format: 'pdf', from: '2024-01-01', to: '2024-12-31' } }]);
  });

  it('says why a file was not made, and tries again', async () => {
    const { user } = renderReports(`/rapporter?tiltak=${NB}`);
    const asked = fileJobs('failed');
    await user.click(await screen.findByRole('button', { name: 'Lag DOCX' }));
    expect(await screen.findByText('Disken er full', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByText('DOCX-filen ble ikke laget')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Prøv DOCX igjen' }));
    await waitFor(() => expect(asked).toHaveLength(2));
  });

  it('says beside the field and in a summary when the period runs backwards, and asks the server nothing', async () => {
    const { requests } = renderReports(`/rapporter?tiltak=${NB}&fra=2025-01-01&til=2024-01-01`);
    const summary = await screen.findByRole('link', { name: 'Til dato: Til-datoen må være samme dag som eller etter fra-datoen.' });
    expect(summary.getAttribute('href')).toBe('#report-to');
    const to = screen.getByLabelText('Til dato');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('article')).toBeNull();
    expect(requests).toEqual([]);
  });

  it('says when the initiative is not found', async () => {
    renderReports(`/rapporter?tiltak=${OTHER}`, () => problemResponse(404));
    expect(await screen.findByRole('heading', { name: 'Fant ikke tiltaket' })).toBeTruthy();
  });

  it('offers a retry when the report cannot be made', async () => {
    let fail = true;
    const { user } = renderReports(`/rapporter?tiltak=${NB}`, (url) => (fail ? problemResponse(500) : HttpResponse.json(reportFor(url))));
    const retry = await screen.findByRole('button', { name: 'Prøv igjen' });
    fail = false;
    await user.click(retry);
    expect(await screen.findByRole('article')).toBeTruthy();
  });
});
