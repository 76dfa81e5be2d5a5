import { createRoute } from '@hono/zod-openapi';
import { authorize } from '../auth/access-control';
import { scopeOf } from '../auth/visibility';
import { z } from 'zod';
import { plainTextSchema } from '@kompetansebro/domain';
import { createRouter, jsonContent, problemResponses } from '../http/openapi';
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

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  middleware: [authorize('search', 'read')] as const,
  tags: ['Search'],
  summary: 'Search actors, agreements, activities and initiatives at once, best match first (Norwegian full-text search)',
  request: { query: searchQuerySchema },
  responses: { 200: { description: 'The hits, best first', content: jsonContent(SearchResults) }, 400: problemResponses[400] },
});

export const searchRouter = createRouter().openapi(searchRoute, async (c) => {
  const { q, limit } = c.req.valid('query');
  return c.json({ q, items: await search(c.var.deps.db, await scopeOf(c), q, limit) }, 200);
});
