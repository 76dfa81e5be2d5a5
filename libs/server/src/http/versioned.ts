import { jsonContent, problemResponses } from './openapi';
import type { z } from 'zod';

// OpenAPI pieces of versioned records (ETag on reads, If-Match on writes), shared by the
// resource routers.

/** The ETag header of a response that carries one record. */
export const withEtag = { headers: { ETag: { schema: { type: 'string' as const }, description: 'The version, for If-Match' } } };

/** The answers of a write that needs If-Match: the record with its new ETag, or why not. */
export function versionedWriteResponses<T extends z.ZodType>(schema: T) {
  return {
    200: { description: 'Done', content: jsonContent(schema), ...withEtag },
    400: problemResponses[400],
    404: problemResponses[404],
    412: problemResponses[412],
    415: problemResponses[415],
    428: problemResponses[428],
  };
}

/** As versionedWriteResponses, for a change of state that may conflict (archive, restore): 409 too. */
export function stateChangeResponses<T extends z.ZodType>(schema: T) {
  return { ...versionedWriteResponses(schema), 409: problemResponses[409] };
}
