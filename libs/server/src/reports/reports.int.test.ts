import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { FunderReport, Problem, ReportFile } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { loggedIn, testServer, UNKNOWN_ID } from '../testing/fixture.test';
import { docxText, pdfText, plain } from '../testing/document-text.test-support';
import { purgeOldReportFiles } from './report-file.repository';

const server = testServer();
const viewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const namdal = loggedIn(server, 'namdal@demo.kompetansebro.no');

const NB_PROJECT = sampleId('initiative', 'regional-competence-actors');

/** What the report as a reader sees it says. */
function documentText(report: FunderReport): string {
  const { title, subtitle, sections } = report.document;
  const blocks = sections.flatMap((s) => [s.heading, ...s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : [b.caption, ...b.columns, ...b.rows.flat()]))]);
  return plain([title, subtitle, ...blocks].join(' '));
}

// The facts of seed 000 (the NB project's extension application), one by one, as the report
// words them. Where the seed is a letter ("Vi har …"), the report states the same fact.
const seedFacts: Array<[fact: string, text: string]> = [
  ['the project', 'Regionale kompetanseaktører og folkebibliotekenes rolle'],
  ['started summer 2023', 'hadde oppstart sommeren 2023'],
  ['funded by NB', 'har fått midler fra Nasjonalbiblioteket'],
  ['planned to end summer 2025', 'planlagt med avslutning sommeren 2025'],
  ['extended spring 2025 to summer 2026', 'Prosjektet fikk forlengelse til sommeren 2026'],
  ['asks for an extension to summer 2027', 'Vi søker om forlengelse av prosjektperioden fram til sommeren 2027'],
  ['asks for no more funds', 'Det søkes ikke om flere midler'],
  ['funds remain on the account', 'gjenstående midler på prosjektkontoen'],
  ['the brochure', 'Brosjyre: Bibliotekets tjenester til studerende'],
  ['12 webinars autumn 2023 – summer 2025', '12 webinarer fra høsten 2023 til sommeren 2025'],
  ['the interlibrary-loan webinar of 3 February 2026', 'Webinar 3. februar 2026: «Erfaringsutveksling om fjernlån»'],
  ['with Nord universitet and NTNU', 'God deltakelse fra folkebibliotek, Nord universitet og NTNU'],
  ['agreement in Trøndelag sørvest', 'Samarbeidsavtale mellom Studiesenter Trøndelag sørvest og folkebibliotekene i regionen'],
  ['agreement in Trøndelag sør', 'Samarbeidsavtale mellom Studiesenter Trøndelag sør og folkebibliotekene i regionen'],
  ['photography of all main libraries, autumn 2025', 'Fotografering høsten 2025: «Fotografering av alle hovedbibliotekene»'],
  ['KS Mediebank', 'KS Mediebank'],
  ['collecting the libraries’ services', 'Samle informasjon fra hvert bibliotek (også filialer) om hvilke tjenester de tilbyr studenter'],
  ['plan: agreement with Namdal studiesenter', 'Samarbeidsavtale mellom Namdal studiesenter og folkebibliotekene'],
  ['plan: agreement with Fosen studiesenter', 'Samarbeidsavtale mellom Fosen studiesenter og folkebibliotekene'],
  ['plan: the career centre', 'Samarbeid mellom Karrieresenteret og folkebibliotek i regionen, mulig avtale'],
  ['plan: lasting channels to Nord universitet/NTNU', 'Etablere varige samarbeidskanaler mellom fylkesbiblioteket/folkebibliotekene og Nord universitet/NTNU'],
  ['plan: Namdal, Nord universitet (Namsos)', 'Namdalsregionen: samarbeid mellom Nord universitet (Namsos) og folkebibliotek'],
  ['plan: Namdal, upper-secondary schools', 'Namdalsregionen: tettere samarbeid mellom videregående skoler og folkebibliotek'],
  ['plan: Namdal, office and study places', 'Namdalsregionen: kobling av kontor- og studieplass og folkebibliotek'],
  ['plan: Bygdevekst', 'Bygdevekstavtalenes handlingsplaner'],
  ['plan: regional plan for competence', 'regional plan for kompetanse'],
  ['plan: marketing', 'Bedre markedsføring av bibliotekenes tjenester til studenter'],
];

describe('the funder report of the NB project', () => {
  it('states the facts of the seed, one by one', async () => {
    const response = await server.request(`/api/initiatives/${NB_PROJECT}/report`);
    expect(response.status).toBe(200);
    const report = (await response.json()) as FunderReport;
    expect(report.askedEnd).toBe('2027-06-30');
    expect(report.counts.find((c) => c.kind === 'webinar')?.count).toBe(13);
    expect(report.agreements).toHaveLength(2);
    expect(report.funds).toEqual({ granted: 1_500_000, spent: 1_085_400, remaining: 414_600 });
    expect(report.period.from).toBe('2023-06-01');
    const text = documentText(report);
    for (const [fact, words] of seedFacts) expect(text, fact).toContain(words);
    // The plan ahead holds only what is open; the brochure is done, so it is a result, not a plan.
    expect(report.planAhead.map((p) => p.title)).not.toContain('Brosjyremateriell om bibliotekets tjenester til studerende');
    expect(report.completed.map((p) => p.title)).toContain('Brosjyremateriell om bibliotekets tjenester til studerende');
  });

  it('is a DOCX whose document.xml states the same facts', async () => {
    const response = await viewer(`/api/initiatives/${NB_PROJECT}/report.docx?from=2023-06-01&to=2026-11-22`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-2026-11-22.docx"; filename*=UTF-8''rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-2026-11-22.docx`,
    );
    const text = docxText(new Uint8Array(await response.arrayBuffer()));
    for (const [fact, words] of seedFacts) expect(text, fact).toContain(plain(words));
    expect(text).toContain('414 600 kr');
  });

  it('is a PDF whose text states the same facts', async () => {
    const response = await server.request(`/api/initiatives/${NB_PROJECT}/report.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const text = pdfText(bytes);
    for (const [fact, words] of seedFacts) expect(text, fact).toContain(words);
  });

  it('keeps to the period asked for', async () => {
    const report = (await (await server.request(`/api/initiatives/${NB_PROJECT}/report?from=2024-01-01&to=2024-12-31`)).json()) as FunderReport;
    expect(report.period).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(report.activities.every((a) => a.startDate >= '2024-01-01' && a.startDate <= '2024-12-31')).toBe(true);
    expect(report.counts.find((c) => c.kind === 'webinar')?.count).toBe(6);
    expect(documentText(report)).not.toContain('3. februar 2026: «Erfaringsutveksling om fjernlån»');
  });

  it('reports a plan item marked done among the results', async () => {
    const initiative = (await (await server.request(`/api/initiatives/${NB_PROJECT}`)).json()) as { planItems: Array<{ id: string; title: string; version: number }> };
    const item = initiative.planItems.find((p) => p.title.startsWith('Bedre markedsføring'));
    expect(item).toBeDefined();
    const done = await server.request(
      `/api/initiatives/${NB_PROJECT}/plan-items/${item?.id}`,
      jsonBody('PATCH', { status: 'done' }, { 'If-Match': `"${item?.version}"` }),
    );
    expect(done.status).toBe(200);
    const report = (await (await server.request(`/api/initiatives/${NB_PROJECT}/report`)).json()) as FunderReport;
    expect(report.completed.map((p) => p.id)).toContain(item?.id);
    expect(report.planAhead.map((p) => p.id)).not.toContain(item?.id);
  });
});

describe('asking for a report', () => {
  it('answers 400 naming the field for a bad period', async () => {
    for (const [query, field] of [
      ['from=2026-01-01&to=2025-01-01', 'to'],
      ['from=2026-02-30', 'from'],
      ['to=i-morgen', 'to'],
    ] as const) {
      for (const suffix of ['', '.docx', '.pdf']) {
        const response = await server.request(`/api/initiatives/${NB_PROJECT}/report${suffix}?${query}`);
        expect(response.status, `${suffix} ${query}`).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        const problem = (await response.json()) as Problem;
        expect(problem.errors?.map((e) => e.path)).toContain(`query.${field}`);
      }
    }
  });

  it('answers 404 for an unknown initiative, and 403 to those who may not read initiatives', async () => {
    for (const suffix of ['', '.docx', '.pdf']) {
      expect((await server.request(`/api/initiatives/${UNKNOWN_ID}/report${suffix}`)).status).toBe(404);
      expect((await namdal(`/api/initiatives/${NB_PROJECT}/report${suffix}`)).status).toBe(403);
      expect((await server.anonymous(`/api/initiatives/${NB_PROJECT}/report${suffix}`)).status).toBe(401);
    }
    expect((await viewer(`/api/initiatives/${NB_PROJECT}/report`)).status).toBe(200);
  });
});

describe('a report file written on the job queue (issue 17)', () => {
  const ask = (body: unknown, as = server.request) => as(`/api/initiatives/${NB_PROJECT}/report-files`, jsonBody('POST', body));

  it('is asked for, written by the job, followed and downloaded with the same facts', async () => {
    const asked = await ask({ format: 'pdf' });
    expect(asked.status).toBe(202);
    const file = (await asked.json()) as ReportFile;
    expect(asked.headers.get('location')).toBe(`/api/report-files/${file.id}`);
    // Tests run jobs at once: written before the answer.
    expect(file).toMatchObject({ initiativeId: NB_PROJECT, format: 'pdf', status: 'done', error: null });
    expect(file.fileName).toMatch(/^rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(((await (await server.request(`/api/report-files/${file.id}`)).json()) as ReportFile).status).toBe('done');

    const download = await server.request(`/api/report-files/${file.id}/download`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(`filename="${file.fileName}"`);
    const text = pdfText(new Uint8Array(await download.arrayBuffer()));
    for (const [fact, words] of seedFacts) expect(text, fact).toContain(words);
  });

  it('keeps to the period asked for, as DOCX, for the county viewer too', async () => {
    const asked = await ask({ format: 'docx', from: '2023-06-01', to: '2026-11-22' }, viewer);
    expect(asked.status).toBe(202);
    const file = (await asked.json()) as ReportFile;
    expect(file.fileName).toBe('rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-2026-11-22.docx');
    const download = await viewer(`/api/report-files/${file.id}/download`);
    expect(download.status).toBe(200);
    expect(docxText(new Uint8Array(await download.arrayBuffer()))).toContain('Erfaringsutveksling om fjernlån');
  });

  it('answers 409 for a file not written yet, and changes nothing for bad input', async () => {
    const before = await server.database.db.selectFrom('report_file').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const [body, field] of [
      [{ format: 'odt' }, 'format'],
      [{ format: 'pdf', from: '2026-01-01', to: '2025-01-01' }, 'to'],
      [{ format: 'pdf', from: '2026-02-30' }, 'from'],
    ] as const) {
      const response = await ask(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as Problem).errors?.map((e) => e.path)).toContain(field);
    }
    expect((await server.request(`/api/initiatives/${UNKNOWN_ID}/report-files`, jsonBody('POST', { format: 'pdf' }))).status).toBe(404);
    const after = await server.database.db.selectFrom('report_file').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));

    const county = await server.database.db.selectFrom('report_file').select('organisation_id').executeTakeFirstOrThrow();
    const waiting = await server.database.db
      .insertInto('report_file')
      .values({ initiative_id: NB_PROJECT, format: 'pdf', organisation_id: county.organisation_id })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(((await (await server.request(`/api/report-files/${waiting.id}`)).json()) as ReportFile).status).toBe('queued');
    expect((await server.request(`/api/report-files/${waiting.id}/download`)).status).toBe(409);
  });

  it('is kept 30 days, then the daily clean-up deletes it', async () => {
    const file = (await (await ask({ format: 'pdf' })).json()) as ReportFile;
    const asked = new Date(file.createdAt);
    const day = 24 * 60 * 60 * 1000;
    expect((await purgeOldReportFiles(server.database.db, new Date(asked.getTime() + 29 * day))).purged).toBe(0);
    expect((await server.request(`/api/report-files/${file.id}/download`)).status).toBe(200);
    expect((await purgeOldReportFiles(server.database.db, new Date(asked.getTime() + 31 * day))).purged).toBeGreaterThanOrEqual(1);
    expect((await server.request(`/api/report-files/${file.id}`)).status).toBe(404);
  });

  it('is the asking organisation’s only: 404 to others, 403 to those who may not export initiatives', async () => {
    expect((await ask({ format: 'pdf' }, namdal)).status).toBe(403);
    expect((await server.request(`/api/report-files/${UNKNOWN_ID}`)).status).toBe(404);
    const other = await server.database.db
      .insertInto('report_file')
      .values({ initiative_id: NB_PROJECT, format: 'pdf', organisation_id: UNKNOWN_ID, status: 'done', file_name: 'x.pdf', bytes: new Uint8Array([1]) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await server.request(`/api/report-files/${other.id}`)).status).toBe(404);
    expect((await server.request(`/api/report-files/${other.id}/download`)).status).toBe(404);
  });
});
