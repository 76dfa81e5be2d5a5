import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import type { Coverage, RegionCoverages } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { addService, draftAgreement, json, loggedIn, signAgreement, testServer } from '../testing/fixture.test';

const server = testServer();
const NAMDAL_CENTRE = sampleId('actor', 'study-centre-namdal');
const NAMSOS = sampleId('actor', 'library-5007');

async function namdalCoverage(): Promise<Coverage> {
  const regions = await json<{ items: Array<{ id: string; name: string }> }>(await server.request('/api/regions'), 200);
  const namdal = regions.items.find((r) => r.name === 'Namdal');
  return json<Coverage>(await server.request(`/api/coverage?region=${namdal?.id}`), 200);
}

const TRONDHEIM = sampleId('actor', 'library-5001');

const namsosOf = (coverage: Coverage) => coverage.municipalities.find((m) => m.number === '5007')?.libraries.find((l) => l.id === NAMSOS);

describe('GET /api/coverage, services per library', () => {
  it('lists the services a library offers, and those committed under which binding agreement', async () => {
    const groupRooms = await addService(server, NAMSOS, 'group_rooms');
    await addService(server, NAMSOS, 'printing_scanning');

    const before = namsosOf(await namdalCoverage());
    expect(before?.offeredServices).toEqual(expect.arrayContaining(['group_rooms', 'printing_scanning']));
    expect(before?.commitments.filter((c) => c.type === 'group_rooms')).toEqual([]);

    const draft = await draftAgreement(server, {
      title: 'Grupperom i Namsos',
      kind: 'cooperation',
      parties: [
        { actorId: NAMDAL_CENTRE, role: 'coordinator' },
        { actorId: NAMSOS, role: 'service_provider', serviceIds: [groupRooms] },
      ],
    });
    // Not binding yet: nothing is committed.
    expect(namsosOf(await namdalCoverage())?.commitments.some((c) => c.agreementId === draft.id)).toBe(false);

    const agreement = await signAgreement(server, draft);
    const after = namsosOf(await namdalCoverage());
    expect(after?.commitments.filter((c) => c.agreementId === agreement.id)).toEqual([
      { type: 'group_rooms', agreementId: agreement.id, agreementTitle: 'Grupperom i Namsos' },
    ]);
    // Printing is still offered without agreement.
    expect(after?.offeredServices).toContain('printing_scanning');
    expect(after?.commitments.some((c) => c.type === 'printing_scanning')).toBe(false);
  });
});

describe('GET /api/coverage, a branch whose main library lies in another region', () => {
  it('is covered through its main library, in its own region and in the overview of every region', async () => {
    const branch = await json<{ id: string }>(
      await server.request('/api/actors', jsonBody('POST', { kind: 'library_branch', name: 'Trondheim-filialen i Namsos', organisationNumber: null, municipalityNumber: '5007', parentId: TRONDHEIM })),
      201,
    );
    const branchOf = (coverage: Coverage) => coverage.municipalities.find((m) => m.number === '5007')?.libraries.find((l) => l.id === branch.id);
    expect(branchOf(await namdalCoverage())).toMatchObject({ covered: false });

    const draft = await draftAgreement(server, {
      title: 'Studieplasser i Trondheim',
      kind: 'cooperation',
      parties: [
        { actorId: NAMDAL_CENTRE, role: 'coordinator' },
        { actorId: TRONDHEIM, role: 'service_provider' },
      ],
    });
    await signAgreement(server, draft);
    const coverage = await namdalCoverage();
    expect(branchOf(coverage)).toMatchObject({ covered: true, coveredThroughMainLibrary: true });
    expect(branchOf(coverage)?.agreements.map((a) => a.title)).toEqual(['Studieplasser i Trondheim']);
    const overview = await json<RegionCoverages>(await server.request('/api/coverage/regions'), 200);
    expect(overview.items.find((r) => r.name === 'Namdal')?.summary).toEqual(coverage.summary);
  });
});

const namdalCoordinator = loggedIn(server, 'namdal@demo.kompetansebro.no');

describe('GET /api/coverage/regions', () => {
  /** Each region's short coverage is what the region's own coverage says of its figures and gaps. */
  async function expectSameAsEachRegion(request: typeof server.request, asOf?: string) {
    const day = asOf ? `asOf=${asOf}` : '';
    const regions = await json<{ items: Array<{ id: string; name: string }> }>(await request('/api/regions'), 200);
    const all = await json<RegionCoverages>(await request(`/api/coverage/regions?${day}`), 200);
    expect(all.items.map((r) => r.name)).toEqual(regions.items.map((r) => r.name));
    for (const region of regions.items) {
      const one = await json<Coverage>(await request(`/api/coverage?region=${region.id}&${day}`), 200);
      expect(all.items.find((r) => r.id === region.id)).toEqual({ id: region.id, name: region.name, summary: one.summary, gaps: { municipalities: one.gaps.municipalities } });
    }
    return all;
  }

  it("answers for every region what that region's own coverage says, as far as the caller reaches", async () => {
    const county = await expectSameAsEachRegion(server.request);
    expect(county.items.some((r) => r.summary.coveredMunicipalities > 0)).toBe(true);
    const centre = await expectSameAsEachRegion(namdalCoordinator);
    // A study centre sees only its own catchment area.
    expect(centre.items.reduce((n, r) => n + r.summary.municipalities, 0)).toBeLessThan(county.items.reduce((n, r) => n + r.summary.municipalities, 0));
  });

  it('answers for the day asked, and 400 for a day that is not one', async () => {
    expect((await expectSameAsEachRegion(server.request, '2001-01-01')).asOf).toBe('2001-01-01');
    expect((await server.request('/api/coverage/regions?asOf=tomorrow')).status).toBe(400);
  });
});
