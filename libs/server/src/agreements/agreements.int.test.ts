import { beforeAll, describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import { agreementStatuses, dayAfter, todayInNorway, type AgreementDetail, type AgreementStatusCounts, type AgreementSummary, type Coverage, type Page, type Problem } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { addService, ifMatch, json, loggedIn, testServer } from '../testing/fixture.test';

const server = testServer();
const namsosEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');
const ntnuLiaison = loggedIn(server, 'ntnu@demo.kompetansebro.no');
const NAMDAL_CENTRE = sampleId('actor', 'study-centre-namdal');
const NAMSOS = sampleId('actor', 'library-5007');
const GRONG = sampleId('actor', 'library-5045');
const SOR_CENTRE = sampleId('actor', 'study-centre-trondelag-sor');
let namsosStudyPlaces: string;
let namsosExams: string;
let grongStudyPlaces: string;

beforeAll(async () => {
  namsosStudyPlaces = await addService(server, NAMSOS, 'study_places');
  namsosExams = await addService(server, NAMSOS, 'exam_invigilation');
  grongStudyPlaces = await addService(server, GRONG, 'study_places');
});

const namdalAgreement = () => ({
  title: 'Samarbeidsavtale Namdal studiesenter og Namsos bibliotek',
  kind: 'cooperation',
  startDate: '2026-01-01',
  endDate: '2028-12-31',
  levels: ['practical'],
  themes: ['library_services_for_students'],
  parties: [
    { actorId: NAMDAL_CENTRE, role: 'coordinator' },
    { actorId: NAMSOS, role: 'service_provider', serviceIds: [namsosStudyPlaces, namsosExams] },
  ],
});

async function create(body: unknown = namdalAgreement()): Promise<AgreementDetail> {
  return json<AgreementDetail>(await server.request('/api/agreements', jsonBody('POST', body)), 201);
}

async function transition(agreement: { id: string; version: number }, to: string): Promise<Response> {
  return server.request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', { to }, { 'If-Match': `"${agreement.version}"` }));
}

/** Sent to the parties, then signed by the county without their acceptance (with a reason). */
async function signWithoutAcceptance(agreement: AgreementDetail): Promise<AgreementDetail> {
  const negotiating = await json<AgreementDetail>(await transition(agreement, 'negotiating'), 200);
  const body = { to: 'signed', overrideReason: 'Signert på papir i møte' };
  return json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', body, ifMatch(negotiating.version))), 200);
}

const read = async (id: string) => json<AgreementDetail>(await server.request(`/api/agreements/${id}`), 200);

async function coverageOf(studyCentre: string): Promise<Coverage> {
  return json<Coverage>(await server.request(`/api/coverage?studyCentre=${studyCentre}`), 200);
}

describe('agreements', () => {
  it('creates a draft with parties, roles and committed services, with its first transition', async () => {
    const agreement = await create();
    expect(agreement).toMatchObject({ status: 'draft', version: 1, allowedTransitions: ['negotiating', 'terminated'] });
    expect(agreement.parties.map((p) => [p.actorName, p.role])).toEqual([
      ['Namdal studiesenter', 'coordinator'],
      ['Namsos bibliotek', 'service_provider'],
    ]);
    expect(agreement.parties[1]?.services.map((s) => s.type).sort()).toEqual(['exam_invigilation', 'study_places']);
    expect(agreement.transitions).toEqual([expect.objectContaining({ from: null, to: 'draft' })]);
  });

  it('refuses fewer than two parties, a service of another party and an end before the start; writes nothing', async () => {
    const before = await server.database.db.selectFrom('agreement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const cases: Array<[unknown, string, string]> = [
      [{ ...namdalAgreement(), parties: [{ actorId: NAMSOS, role: 'service_provider' }] }, 'parties', 'agreement_too_few_parties'],
      [
        { ...namdalAgreement(), parties: [{ actorId: NAMDAL_CENTRE, role: 'coordinator' }, { actorId: NAMSOS, role: 'service_provider', serviceIds: [grongStudyPlaces] }] },
        'parties.1.serviceIds.0',
        'service_not_of_party',
      ],
      [{ ...namdalAgreement(), endDate: '2025-01-01' }, 'endDate', 'end_before_start'],
      [{ ...namdalAgreement(), kind: 'marriage' }, 'kind', 'invalid_value'],
      [{ ...namdalAgreement(), startDate: '0000-01-01' }, 'startDate', 'date_out_of_range'],
      [{ ...namdalAgreement(), parties: [{ actorId: NAMDAL_CENTRE, role: 'coordinator' }, { actorId: '00000000-0000-4000-8000-000000000000', role: 'partner' }] }, 'parties.1.actorId', 'actor_not_found'],
    ];
    for (const [body, path, code] of cases) {
      const problem = await json<Problem>(await server.request('/api/agreements', jsonBody('POST', body)), 400);
      expect(problem.errors, path).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    }
    const after = await server.database.db.selectFrom('agreement').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('follows the lifecycle: people up to signing, the calendar after; 409 lists the allowed moves', async () => {
    let agreement = await create();
    const skip = await transition(agreement, 'active');
    expect(skip.status).toBe(409);
    expect(((await skip.json()) as Problem).allowed).toEqual(['negotiating', 'terminated']);
    agreement = await json<AgreementDetail>(await transition(agreement, 'negotiating'), 200);
    // Signing needs every party's acceptance: without it, 409 naming the reason the county may give.
    const unaccepted = await json<Problem>(await transition(agreement, 'signed'), 409);
    expect(unaccepted.errors).toEqual([expect.objectContaining({ path: 'overrideReason', code: 'acceptance_missing' })]);
    agreement = await signWithoutAcceptance(await create());
    expect(agreement.status).toBe('signed');
    expect(agreement.transitions.at(-1)).toMatchObject({
      noteCode: 'signed_without_acceptance',
      noteParams: { missing: 'Namdal studiesenter, Namsos bibliotek' },
      note: 'Signert på papir i møte',
    });
    // Its start date has come: the next read finds it active, moved by the calendar (by nobody).
    agreement = await read(agreement.id);
    expect(agreement.status).toBe('active');
    expect(agreement.transitions.map((t) => t.to)).toEqual(['draft', 'negotiating', 'signed', 'active']);
    // The calendar's note is a code, which each reader's language names.
    expect(agreement.transitions.at(-1)).toMatchObject({ byUserId: null, noteCode: 'calendar', note: null, noteParams: null });
    expect(agreement.allowedTransitions).toEqual(['terminated']);
    const stale = await server.request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', { to: 'terminated' }, { 'If-Match': '"1"' }));
    expect(stale.status).toBe(412);
    const missing = await server.request(`/api/agreements/${agreement.id}/transitions`, jsonBody('POST', { to: 'terminated' }));
    expect(missing.status).toBe(428);
  });

  it('keeps what a signed agreement agreed: parties change only by renewal, which links the versions', async () => {
    const agreement = await read((await signWithoutAcceptance(await create())).id);
    const change = await server.request(`/api/agreements/${agreement.id}`, jsonBody('PATCH', { title: 'Ny tittel' }, { 'If-Match': `"${agreement.version}"` }));
    expect(change.status).toBe(409);
    // Its end date changes only by an amendment the parties accept.
    const endDate = await server.request(`/api/agreements/${agreement.id}`, jsonBody('PATCH', { endDate: '2029-06-30' }, { 'If-Match': `"${agreement.version}"` }));
    expect((await json<Problem>(endDate, 409)).detail).toContain('amendment');

    const overlapping = await server.request(`/api/agreements/${agreement.id}/renewals`, jsonBody('POST', { startDate: '2028-12-31', endDate: '2032-06-30' }));
    expect((await json<Problem>(overlapping, 400)).errors).toEqual([expect.objectContaining({ path: 'startDate', code: 'renewal_overlaps' })]);
    // Every fault of the period at once, as the form shows them.
    const backwards = await server.request(`/api/agreements/${agreement.id}/renewals`, jsonBody('POST', { startDate: '2028-12-31', endDate: '2028-01-01' }));
    expect((await json<Problem>(backwards, 400)).errors).toEqual([
      expect.objectContaining({ path: 'startDate', code: 'renewal_overlaps' }),
      expect.objectContaining({ path: 'endDate', code: 'end_before_start' }),
    ]);
    // No start date: the day after the old one ends.
    const renewal = await json<AgreementDetail>(
      await server.request(`/api/agreements/${agreement.id}/renewals`, jsonBody('POST', { endDate: '2032-06-30' })),
      201,
    );
    expect(renewal).toMatchObject({ status: 'draft', renewsId: agreement.id, startDate: '2029-01-01', endDate: '2032-06-30' });
    expect(renewal.transitions).toEqual([expect.objectContaining({ from: null, to: 'draft', noteCode: 'renewal', note: null })]);
    expect(renewal.parties.flatMap((p) => p.services.map((s) => s.serviceId)).sort()).toEqual([namsosExams, namsosStudyPlaces].sort());
    const original = await read(agreement.id);
    expect(original.renewedById).toBe(renewal.id);
    const again = await server.request(`/api/agreements/${agreement.id}/renewals`, jsonBody('POST', { endDate: '2035-06-30' }));
    expect(again.status).toBe(409);
    const draftRenewal = await server.request(`/api/agreements/${renewal.id}/renewals`, jsonBody('POST', { startDate: null, endDate: null }));
    expect(draftRenewal.status).toBe(409);
  });

  it('records each party’s answer, given for itself', async () => {
    const agreement = await create();
    const accepted = await json<AgreementDetail>(
      await namsosEditor(`/api/agreements/${agreement.id}/parties/${NAMSOS}/accept`, { method: 'POST', headers: ifMatch(1) }),
      200,
    );
    expect(accepted.parties.find((p) => p.actorId === NAMSOS)?.acceptedAt).not.toBeNull();
    expect(accepted.parties.find((p) => p.actorId === NAMDAL_CENTRE)?.acceptedAt).toBeNull();
  });

  it('takes an answer only with a current If-Match, from a party, while the agreement is open to it', async () => {
    let agreement = await create();
    const accept = (actorId: string, headers: Record<string, string>) =>
      namsosEditor(`/api/agreements/${agreement.id}/parties/${actorId}/accept`, { method: 'POST', headers });
    expect((await accept(NAMSOS, {})).status).toBe(428);
    expect((await accept(NAMSOS, { 'If-Match': '"9"' })).status).toBe(412);
    expect((await accept(GRONG, { 'If-Match': `"${agreement.version}"` })).status).toBe(404);
    agreement = await read((await signWithoutAcceptance(agreement)).id);
    expect((await accept(NAMSOS, { 'If-Match': `"${agreement.version}"` })).status).toBe(409);
    const after = await read(agreement.id);
    expect(after.parties.every((p) => p.acceptedAt === null)).toBe(true);
  });

  it('refuses a committed service that does not exist, naming the field; writes nothing', async () => {
    const before = await json<Page<AgreementSummary>>(await server.request('/api/agreements?pageSize=1'), 200);
    const body = {
      ...namdalAgreement(),
      parties: [
        { actorId: NAMDAL_CENTRE, role: 'coordinator' },
        { actorId: NAMSOS, role: 'service_provider', serviceIds: ['00000000-0000-4000-8000-000000000000'] },
      ],
    };
    const refused = await server.request('/api/agreements', jsonBody('POST', body));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Problem).errors?.map((e) => e.code)).toContain('service_not_found');
    const after = await json<Page<AgreementSummary>>(await server.request('/api/agreements?pageSize=1'), 200);
    expect(after.total).toBe(before.total);
  });

  it('lists and filters by party, status and region, and exports', async () => {
    const page = await json<Page<AgreementSummary>>(await server.request(`/api/agreements?party=${SOR_CENTRE}`), 200);
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({ status: 'active', sampleData: true });
    const active = await json<Page<AgreementSummary>>(await server.request('/api/agreements?status=active&pageSize=100'), 200);
    expect(active.items.every((a) => a.status === 'active')).toBe(true);
    const csv = await server.request(`/api/agreements/export?format=csv&party=${SOR_CENTRE}`);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain('Studiesenter Trøndelag sør');
    expect((await server.request('/api/agreements?status=maybe')).status).toBe(400);
  });

  it('lists the binding agreements that end within some days, soonest first (latest first with -end)', async () => {
    let day = todayInNorway();
    const ends: string[] = [];
    for (let i = 1; i <= 200; i++) ends.push((day = dayAfter(day)));
    const endIn = (days: number) => ends[days - 1] as string;
    for (const [days, signed] of [[40, true], [10, true], [200, true], [5, false]] as const) {
      const draft = await create({ ...namdalAgreement(), title: `Snart slutt ${days}`, endDate: endIn(days) });
      if (signed) await signWithoutAcceptance(draft);
    }
    const ending = async (query: string) => json<Page<AgreementSummary>>(await server.request(`/api/agreements?endingWithinDays=90&${query}`), 200);
    const soonest = await ending('sort=end&pageSize=100');
    expect(soonest.items.filter((a) => a.title.startsWith('Snart slutt')).map((a) => a.title)).toEqual(['Snart slutt 10', 'Snart slutt 40']);
    expect(soonest.items.every((a) => (a.status === 'active' || a.status === 'expiring') && a.endDate !== null && a.endDate <= endIn(90))).toBe(true);
    const endDates = soonest.items.map((a) => a.endDate ?? '');
    expect(endDates).toEqual([...endDates].sort());
    const latest = await ending('sort=-end&pageSize=100');
    expect(latest.items.map((a) => a.id)).toEqual(
      [...soonest.items].sort((a, b) => (b.endDate ?? '').localeCompare(a.endDate ?? '') || a.id.localeCompare(b.id)).map((a) => a.id),
    );
    // Page by page, in the same order, with the same total.
    const first = await ending('sort=end&pageSize=1');
    const second = await ending('sort=end&pageSize=1&page=2');
    expect([first.total, second.total]).toEqual([soonest.total, soonest.total]);
    expect([...first.items, ...second.items].map((a) => a.id)).toEqual(soonest.items.slice(0, 2).map((a) => a.id));
  });

  it('counts each agreement an organisation sees once, also one with two of its actors as parties (a university and its library)', async () => {
    const listed = async (query: string) => json<Page<AgreementSummary>>(await ntnuLiaison(`/api/agreements?${query}`), 200);
    const before = await listed('pageSize=100');
    const title = 'Samarbeidsavtale NTNU og Universitetsbiblioteket';
    const parties = [
      { actorId: sampleId('actor', 'ntnu'), role: 'partner' },
      { actorId: sampleId('actor', 'ntnu-library'), role: 'partner' },
    ];
    await create({ ...namdalAgreement(), title, parties });
    const after = await listed('pageSize=100');
    expect(after.total).toBe(before.total + 1);
    expect(after.items.filter((a) => a.title === title)).toHaveLength(1);
    // A page shorter than the list: its total is the count, not the page's length.
    const first = await listed('pageSize=1');
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(after.total);
  });

  it('counts per status what the list shows of each, for the county and for a party (every status, 0 when none)', async () => {
    for (const request of [server.request, namsosEditor]) {
      const counts = await json<AgreementStatusCounts>(await request('/api/agreements/counts'), 200);
      expect(Object.keys(counts.byStatus).sort()).toEqual([...agreementStatuses].sort());
      for (const status of agreementStatuses) {
        const page = await json<Page<AgreementSummary>>(await request(`/api/agreements?status=${status}&pageSize=1`), 200);
        expect(counts.byStatus[status], status).toBe(page.total);
      }
    }
  });
});

describe('documents', () => {
  const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

  function upload(agreementId: string, bytes: Uint8Array, name = 'signert avtale.pdf'): Promise<Response> {
    const form = new FormData();
    form.set('file', new File([bytes], name, { type: 'application/pdf' }));
    return server.request(`/api/agreements/${agreementId}/documents`, { method: 'POST', body: form });
  }

  it('stores a signed PDF and serves it back', async () => {
    const agreement = await create();
    const document = await json<{ id: string; filename: string; sizeBytes: number }>(await upload(agreement.id, pdf), 201);
    expect(document).toMatchObject({ filename: 'signert avtale.pdf', sizeBytes: pdf.byteLength });
    const download = await server.request(`/api/agreements/${agreement.id}/documents/${document.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);
    const detail = await json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}`), 200);
    expect(detail.documents.map((d) => d.id)).toEqual([document.id]);
    expect((await server.request(`/api/agreements/${agreement.id}/documents/${document.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await server.request(`/api/agreements/${agreement.id}/documents/${document.id}`)).status).toBe(404);
  });

  it('refuses what is not a PDF (415) and what is over 20 MB (413)', async () => {
    const agreement = await create();
    expect((await upload(agreement.id, new TextEncoder().encode('<html>not a pdf</html>'), 'x.pdf')).status).toBe(415);
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(pdf);
    expect((await upload(agreement.id, big)).status).toBe(413);
    const detail = await json<AgreementDetail>(await server.request(`/api/agreements/${agreement.id}`), 200);
    expect(detail.documents).toEqual([]);
  });
});

describe('coverage', () => {
  it('shows Namdal and Fosen with gaps, Trøndelag sør and sørvest covered, as the seeds say', async () => {
    for (const key of ['study-centre-namdal', 'study-centre-fosen']) {
      const coverage = await coverageOf(sampleId('actor', key));
      expect(coverage.summary.municipalities).toBeGreaterThan(0);
      expect(coverage.gaps.municipalities.length).toBeGreaterThan(0);
    }
    for (const key of ['study-centre-trondelag-sor', 'study-centre-trondelag-sorvest']) {
      const coverage = await coverageOf(sampleId('actor', key));
      expect(coverage.summary.coveredMunicipalities).toBe(coverage.summary.municipalities);
      expect(coverage.gaps.municipalities).toEqual([]);
    }
  });

  it('changes when an agreement comes in force on its start date: Namsos is covered with its committed services', async () => {
    const before = await coverageOf(NAMDAL_CENTRE);
    const today = todayInNorway();
    // Signed, but starting tomorrow: not yet in force.
    const planned = await signWithoutAcceptance(await create({ ...namdalAgreement(), startDate: dayAfter(today), endDate: '2199-12-31' }));
    const notYet = await coverageOf(NAMDAL_CENTRE);
    expect(notYet.summary.coveredMunicipalities).toBe(before.summary.coveredMunicipalities);
    expect((await read(planned.id)).status).toBe('signed');
    // Planned: as of tomorrow it covers Namsos.
    const tomorrow = await json<Coverage>(await server.request(`/api/coverage?studyCentre=${NAMDAL_CENTRE}&asOf=${dayAfter(today)}`), 200);
    expect(tomorrow.asOf).toBe(dayAfter(today));
    expect(tomorrow.municipalities.find((m) => m.number === '5007')?.covered).toBe(true);

    await server.database.db.updateTable('agreement').set({ start_date: today }).where('id', '=', planned.id).execute();
    const after = await coverageOf(NAMDAL_CENTRE);
    const namsos = after.municipalities.find((m) => m.number === '5007');
    expect(namsos?.covered).toBe(true);
    expect(namsos?.libraries.find((l) => l.id === NAMSOS)?.committedServices.sort()).toEqual(['exam_invigilation', 'study_places']);
    expect(after.gaps.municipalities.map((m) => m.number)).not.toContain('5007');
    expect((await read(planned.id)).status).toBe('active');
  });

  it('answers by region too, and 400 without a region or study centre', async () => {
    const regions = await json<{ items: Array<{ id: string; name: string }> }>(await server.request('/api/regions'), 200);
    const sor = regions.items.find((r) => r.name === 'Trøndelag sør');
    const coverage = await json<Coverage>(await server.request(`/api/coverage?region=${sor?.id}`), 200);
    expect(coverage.studyCentres.map((c) => c.name)).toEqual(['Studiesenter Trøndelag sør']);
    expect(coverage.summary.share).toBe(1);
    expect((await server.request('/api/coverage')).status).toBe(400);
    expect((await server.request('/api/coverage?studyCentre=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it("lets the county set a study centre's catchment area", async () => {
    const centre = await server.request(`/api/actors/${NAMDAL_CENTRE}`);
    const etag = centre.headers.get('etag') ?? '';
    const set = await server.request(`/api/study-centres/${NAMDAL_CENTRE}/catchment-area`, jsonBody('PUT', { municipalityNumbers: ['5007', '5045'] }, { 'If-Match': etag }));
    expect(await json(set, 200)).toEqual({ studyCentreId: NAMDAL_CENTRE, municipalityNumbers: ['5007', '5045'] });
    const stale = await server.request(`/api/study-centres/${NAMDAL_CENTRE}/catchment-area`, jsonBody('PUT', { municipalityNumbers: [] }, { 'If-Match': etag }));
    expect(stale.status).toBe(412);
    const bad = await server.request(`/api/study-centres/${NAMDAL_CENTRE}/catchment-area`, jsonBody('PUT', { municipalityNumbers: ['9999'] }, { 'If-Match': set.headers.get('etag') ?? '' }));
    expect(((await json<Problem>(bad, 400)).errors ?? [])[0]).toMatchObject({ path: 'municipalityNumbers.0', code: 'municipality_not_found' });
    expect((await coverageOf(NAMDAL_CENTRE)).summary.municipalities).toBe(2);
  });
});
