import type { RequestHandler } from 'msw';
import type { Coverage } from '@kompetansebro/domain';
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
