import { beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { AgreementDetail, AgreementTemplate, Problem } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { docxText, pdfText } from '../testing/document-text.test-support';
import { addService, ifMatch, json, loggedIn, problemOf, testServer } from '../testing/fixture.test';

// The agreement document from the data (issue 13): the county's templates per kind (If-Match,
// audited, its admin only) and each agreement's document as DOCX and tagged PDF, for whoever
// may read the agreement.

const server = testServer();
const viewer = loggedIn(server, 'fylke-innsyn@demo.kompetansebro.no');
const namdal = loggedIn(server, 'namdal@demo.kompetansebro.no');
const namsos = loggedIn(server, 'namsos@demo.kompetansebro.no');
const ntnu = loggedIn(server, 'ntnu@demo.kompetansebro.no');
const NAMDAL_CENTRE = sampleId('actor', 'study-centre-namdal');
const NAMSOS = sampleId('actor', 'library-5007');

const clauses = '1. Partene er {{parties}}.\n\n2. Avtalen gjelder {{period}} og omfatter {{services}}.\n\n3. Nivåer: {{levels}}. Tema: {{themes}}.';
let agreement: AgreementDetail;

beforeAll(async () => {
  const [places, exams] = [await addService(server, NAMSOS, 'study_places'), await addService(server, NAMSOS, 'exam_invigilation')];
  agreement = await json<AgreementDetail>(
    await server.request(
      '/api/agreements',
      jsonBody('POST', {
        title: 'Fjernlånsavtale Namdal og Namsos',
        kind: 'interlibrary_loan',
        startDate: '2027-01-01',
        endDate: '2028-12-31',
        levels: ['practical'],
        themes: ['library_services_for_students'],
        parties: [
          { actorId: NAMDAL_CENTRE, role: 'coordinator' },
          { actorId: NAMSOS, role: 'service_provider', serviceIds: [places, exams] },
        ],
      }),
    ),
    201,
  );
});

const createTemplate = (body: unknown, request = server.request) => request('/api/agreement-templates', jsonBody('POST', body));

describe('agreement templates', () => {
  it('are kept by the county admin: one per kind, fields checked, If-Match on change, every change audited', async () => {
    const unknownField = await createTemplate({ kind: 'partnership', title: 'Vilkår for partnerskap', clauses: 'Partene {{partes}}' });
    expect((await json<Problem>(unknownField, 400)).errors).toEqual([expect.objectContaining({ path: 'clauses', message: expect.stringContaining('{{partes}}') })]);

    const created = await createTemplate({ kind: 'partnership', title: 'Vilkår for partnerskap', clauses });
    expect(created.headers.get('ETag')).toBe('"1"');
    const template = await json<AgreementTemplate>(created, 201);
    expect(template).toMatchObject({ kind: 'partnership', title: 'Vilkår for partnerskap', version: 1 });
    expect((await problemOf(await createTemplate({ kind: 'partnership', title: 'En til', clauses: 'Tekst' }))).status).toBe(409);

    const path = `/api/agreement-templates/${template.id}`;
    expect((await server.request(path, jsonBody('PATCH', { title: 'Uten versjon' }))).status).toBe(428);
    const changed = await json<AgreementTemplate>(await server.request(path, jsonBody('PATCH', { title: 'Vilkår for partnerskap (2027)' }, ifMatch(1))), 200);
    expect(changed.version).toBe(2);
    expect((await server.request(path, jsonBody('PATCH', { title: 'Foreldet' }, ifMatch(1)))).status).toBe(412);
    expect((await json<AgreementTemplate>(await server.request(path), 200)).title).toBe('Vilkår for partnerskap (2027)');

    const audit = await json<{ items: { action: string }[] }>(await server.request(`/api/audit?entity=agreement_template&id=${template.id}`), 200);
    expect(audit.items.map((entry) => entry.action).sort()).toEqual(['create', 'update']);
  });

  it('are read by the county only and changed by its admin only', async () => {
    const template = await json<AgreementTemplate>(await createTemplate({ kind: 'mobility_partnership', title: 'Vilkår for mobilitet', clauses: 'Mellom {{parties}}.' }), 201);
    expect((await json<AgreementTemplate[]>(await viewer('/api/agreement-templates'), 200)).map((t) => t.kind)).toContain('mobility_partnership');
    expect((await createTemplate({ kind: 'other', title: 'Vilkår', clauses: 'Tekst' }, viewer)).status).toBe(403);
    // A study centre may create agreements, but not the county's templates.
    expect((await createTemplate({ kind: 'other', title: 'Vilkår', clauses: 'Tekst' }, namdal)).status).toBe(403);
    expect((await namdal('/api/agreement-templates')).status).toBe(403);
    expect((await namsos('/api/agreement-templates')).status).toBe(403);
    expect((await namdal(`/api/agreement-templates/${template.id}`, jsonBody('PATCH', { title: 'Vår' }, ifMatch(template.version)))).status).toBe(403);
    expect((await viewer(`/api/agreement-templates/${template.id}`, { method: 'DELETE', headers: ifMatch(template.version) })).status).toBe(403);
    expect((await json<AgreementTemplate>(await server.request(`/api/agreement-templates/${template.id}`), 200)).version).toBe(1);
  });
});

describe("an agreement's document", () => {
  beforeAll(async () => {
    await json<AgreementTemplate>(await createTemplate({ kind: 'interlibrary_loan', title: 'Vilkår for fjernlån', clauses }), 201);
  });

  const expected = [
    'Fjernlånsavtale Namdal og Namsos',
    'Fjernlånsavtale, versjon 1',
    'Parter og roller',
    'Namdal studiesenter (koordinator)',
    'Namsos bibliotek (tjenesteyter)',
    'Namsos bibliotek: Eksamensvakt, Lesesalsplasser',
    '01.01.2027–31.12.2028',
    'Nivåer: praktisk.',
    'Tema: bibliotektjenester for studenter.',
    '1. Partene er Namdal studiesenter (koordinator), Namsos bibliotek (tjenesteyter).',
    '2. Avtalen gjelder 01.01.2027–31.12.2028 og omfatter Namsos bibliotek: Eksamensvakt, Lesesalsplasser.',
  ];

  it('is made as DOCX from the data and the template of its kind', async () => {
    const response = await server.request(`/api/agreements/${agreement.id}/document?format=docx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="Fjernlansavtale Namdal og Namsos.docx"; filename*=UTF-8''Fjernl%C3%A5nsavtale%20Namdal%20og%20Namsos.docx`);
    const text = docxText(new Uint8Array(await response.arrayBuffer()));
    for (const words of expected) expect(text, words).toContain(words);
    expect(text).toContain('Vilkår for fjernlån');
    expect(text).not.toContain('{{');
  });

  it('is made as a tagged PDF, its language Norwegian and its title shown', async () => {
    const response = await server.request(`/api/agreements/${agreement.id}/document?format=pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = pdfText(bytes);
    for (const words of expected) expect(text, words).toContain(words);
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (nb-NO)');
    expect(raw).toContain('/DisplayDocTitle true');
    for (const tag of ['/S /Document', '/S /H1', '/S /H2', '/S /P', '/S /L', '/S /LI']) expect(raw, tag).toContain(tag);
  });

  it('is given to whoever may read the agreement, and to no one else', async () => {
    for (const request of [viewer, namdal, namsos]) {
      expect((await request(`/api/agreements/${agreement.id}/document?format=pdf`)).status).toBe(200);
    }
    expect((await ntnu(`/api/agreements/${agreement.id}/document?format=pdf`)).status).toBe(404);
    expect((await json<Problem>(await server.request(`/api/agreements/${agreement.id}/document?format=odt`), 400)).errors?.[0]?.path).toBe('query.format');
  });

  it('says so when the county keeps no template for its kind', async () => {
    const [template] = (await json<AgreementTemplate[]>(await server.request('/api/agreement-templates'), 200)).filter((t) => t.kind === 'interlibrary_loan');
    expect((await server.request(`/api/agreement-templates/${template?.id}`, { method: 'DELETE', headers: ifMatch(template?.version ?? 0) })).status).toBe(204);
    const text = docxText(new Uint8Array(await (await server.request(`/api/agreements/${agreement.id}/document?format=docx`)).arrayBuffer()));
    expect(text).toContain('Fylket har ingen mal for denne typen avtale ennå.');
    expect(text).toContain('Namdal studiesenter (koordinator)');
  });
});
