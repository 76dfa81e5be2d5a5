import type { RequestHandler } from 'msw';
import { regionCoverageOf, type Coverage, type RegionCoverages } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { problemResponse } from './problem';

/** `GET /api/coverage?region=` answering with the coverage given for each region id (404 for others). */
export function coverageHandlers(byRegion: Record<string, Coverage>): RequestHandler[] {
  return [
    http.get('*/api/coverage', ({ request }) => {
      const region = new URL(request.url).searchParams.get('region') ?? '';
      const coverage = byRegion[region];
      return coverage ? HttpResponse.json(coverage) : problemResponse(404);
    }),
  ];
}

/**
 * `GET /api/coverage/regions` answering, for each region in the order given, the short form of
 * the coverage given for it (the domain's own `regionCoverageOf`); a region without one has none.
 */
export function regionCoveragesHandler(regions: ReadonlyArray<{ id: string; name: string }>, byRegion: Record<string, Coverage>): RequestHandler {
  return http.get('*/api/coverage/regions', ({ request }) => {
    const asOf = new URL(request.url).searchParams.get('asOf');
    const items = regions.flatMap((region) => (byRegion[region.id] ? [regionCoverageOf(region, byRegion[region.id] as Coverage)] : []));
    return HttpResponse.json({ asOf, items } satisfies RegionCoverages);
  });
}
