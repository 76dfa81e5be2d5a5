import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Brochure, Problem } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { loggedIn, testServer } from '../testing/fixture.test';

const server = testServer();
const namdal = loggedIn(server, 'namdal@demo.kompetansebro.no');
const fosen = loggedIn(server, 'fosen@demo.kompetansebro.no');

const NAMDAL = sampleId('actor', 'study-centre-namdal');

/** The text a PDF shows, from its uncompressed content streams (pdfkit writes strings as hex). */
function pdfText(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1');
  const hex = [...raw.matchAll(/<([0-9a-fA-F]+)>\s*-?\d*\.?\d*\s*\]?\s*TJ|<([0-9a-fA-F]+)>/g)].map((m) => m[1] ?? m[2] ?? '');
  return hex.map((h) => Buffer.from(h, 'hex').toString('latin1')).join('');
}

describe('the students’ brochure', () => {
  it('lists the libraries of the catchment area with their student services, from the records as they are now', async () => {
    const response = await namdal(`/api/study-centres/${NAMDAL}/brochure`);
    expect(response.status).toBe(200);
    const brochure = (await response.json()) as Brochure;
    expect(brochure.studyCentre.name).toBe('Namdal studiesenter');
    expect(brochure.regionNames).toEqual(['Namdal']);
    const names = brochure.municipalities.map((m) => m.name);
    expect(names).toContain('Grong');
    expect(names).toContain('Namsos');
    expect(names).not.toContain('Trondheim');
    const namsos = brochure.municipalities.find((m) => m.number === '5007');
    expect(namsos?.libraries.map((l) => l.name)).toContain('Namsos bibliotek');

    // A service added now is in the next brochure: it is built from the records at every request.
    const library = namsos?.libraries.find((l) => l.kind === 'public_library');
    const created = await server.request(
      '/api/services',
      jsonBody('POST', { actorId: library?.id, type: 'video_meeting_room', audiences: ['students'], description: 'Videorom for muntlig eksamen' }),
    );
    expect(created.status).toBe(201);
    const again = (await (await namdal(`/api/study-centres/${NAMDAL}/brochure`)).json()) as Brochure;
    const services = again.municipalities.find((m) => m.number === '5007')?.libraries.find((l) => l.id === library?.id)?.services ?? [];
    expect(services.map((s) => s.description)).toContain('Videorom for muntlig eksamen');
  });

  it('is a PDF in bokmål, nynorsk and English that names the libraries', async () => {
    for (const [lang, title] of [
      ['nb', 'Bibliotektjenester for studenter i Namdal'],
      ['nn', 'Bibliotektenester for studentar i Namdal'],
      ['en', 'Library services for students in Namdal'],
    ] as const) {
      const response = await namdal(`/api/study-centres/${NAMDAL}/brochure.pdf?lang=${lang}`);
      expect(response.status, lang).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toContain(`-${lang}.pdf`);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const text = pdfText(bytes);
      expect(text, lang).toContain(title);
      expect(text).toContain('Namsos bibliotek');
      expect(text).toContain('Grong');
      expect(text).not.toContain('Trondheim folkebibliotek');
    }
  });

  it('answers 400 naming the field for an unknown language', async () => {
    const response = await namdal(`/api/study-centres/${NAMDAL}/brochure.pdf?lang=de`);
    expect(response.status).toBe(400);
    const problem = (await response.json()) as Problem;
    expect(problem.errors?.map((e) => e.path)).toContain('query.lang');
  });

  it('is not found for another study centre: Fosen cannot read Namdal’s brochure', async () => {
    for (const path of [`/api/study-centres/${NAMDAL}/brochure`, `/api/study-centres/${NAMDAL}/brochure.pdf`]) {
      const response = await fosen(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('Namsos');
    }
    expect((await server.anonymous(`/api/study-centres/${NAMDAL}/brochure`)).status).toBe(401);
    const liaison = await server.as('ntnu@demo.kompetansebro.no');
    expect((await liaison(`/api/study-centres/${NAMDAL}/brochure.pdf`)).status).toBe(403);
  });

  it('is printable by anyone from the finder: a tagged PDF with addresses and daily hours, bokmål-only texts said so', async () => {
    const db = server.database.db;
    const grong = sampleId('actor', 'library-5045');
    await db.updateTable('actor').set({ address: 'Skolegata 2, 7870 Grong' }).where('id', '=', grong).execute();
    await db.updateTable('service').set({ description: 'Stille lesesal' }).where('actor_id', '=', grong).where('type', '=', 'study_places').execute();
    const response = await server.anonymous(`/finn/studiesenter/${NAMDAL}/brosjyre-nn.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    const raw = Buffer.from(bytes).toString('latin1');
    // Tagged for screen readers: a structure tree of headings, paragraphs and lists, in nynorsk.
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toContain('/Marked true');
    expect(raw).toContain('/Lang (nn-NO)');
    for (const tag of ['/S /H1', '/S /H2', '/S /H3', '/S /L', '/S /LI', '/S /LBody']) expect(raw).toContain(tag);
    // Helvetica writes the en dash as WinAnsi's 0x96.
    const text = pdfText(bytes).replace(/\x96/g, '–');
    expect(text).toContain('Bibliotektenester for studentar i Namdal');
    expect(text).toContain('Adresse: Skolegata 2, 7870 Grong');
    expect(text).toContain('Opningstider: måndag–fredag: betent 10:00–16:00, meirope 07:00–22:00; laurdag: betent 11:00–15:00, meirope 07:00–22:00; sundag: meirope 07:00–22:00');
    expect(text).toContain('Stille lesesal');
    // Said once, under the intro, not after each of the library's texts.
    expect(text.match(/finst berre på bokmål/g)).toEqual(['finst berre på bokmål']);
    expect(text.indexOf('Skildringane av tenestene finst berre på bokmål.')).toBeLessThan(text.indexOf('Stille lesesal'));
    // Bokmål says nothing of the kind.
    const bokmal = pdfText(new Uint8Array(await (await server.anonymous(`/finn/studiesenter/${NAMDAL}/brosjyre-nb.pdf`)).arrayBuffer()));
    expect(bokmal).toContain('Stille lesesal');
    expect(bokmal).not.toContain('bare på bokmål');
  });
});
