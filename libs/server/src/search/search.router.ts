import { scopeOf } from '../auth/visibility';
import { z } from 'zod';
import { plainTextSchema } from '@kompetansebro/domain';
import { jsonAnswer, routesTagged } from '../http/api-route';
import { createRouter } from '../http/openapi';
import { search, searchResultTypes } from './search.repository';

const searchQuerySchema = z.object({
  q: plainTextSchema(200, 1).meta({ description: 'Words to find; "quoted phrase", or, -not as in a web search', example: 'fjernlån' }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const SearchResult = z
  .object({
    type: z.enum(searchResultTypes),
    id: z.uuid(),
    title: z.string(),
    snippet: z.string().meta({ description: 'Plain text around the match (no markup)' }),
    rank: z.number(),
  })
  .meta({ id: 'SearchResult' });

const SearchResults = z.object({ q: z.string(), items: z.array(SearchResult) }).meta({ id: 'SearchResults' });

const route = routesTagged('Search');
const searchRoute = route('get', '/api/search', ['search', 'read'], {
  summary: 'Search actors, agreements, activities, initiatives and liaison notes at once, best match first (Norwegian full-text search)',
  request: { query: searchQuerySchema },
  answers: { 200: jsonAnswer('The hits, best first', SearchResults) },
  problems: [400],
});

export const searchRouter = createRouter().openapi(searchRoute, async (c) => {
  const { q, limit } = c.req.valid('query');
  return c.json({ q, items: await search(c.get('deps').db, await scopeOf(c), q, limit) }, 200);
});
