import { OpenAPIHono, type Hook } from '@hono/zod-openapi';
import { z } from 'zod';
import { problemSchema } from '@kompetansebro/domain';
import { fieldErrorsFromZod, invalidInput, PROBLEM_CONTENT_TYPE } from './problem';
import type { AppEnv } from './app-env';

/** Failed validation of params, query or body: 400 naming each field, before any handler runs. */
const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) {
    const location = result.target === 'json' ? undefined : result.target;
    throw invalidInput(fieldErrorsFromZod(result.error as z.ZodError, location));
  }
};

export function createRouter() {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

const Problem = problemSchema.meta({ id: 'Problem' });
const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: Problem } };

/** The error answers a route may give, for the OpenAPI document. */
export const problemResponses = {
  400: { description: 'Invalid input; `errors` names each field', content: problemContent },
  404: { description: 'No record has this id', content: problemContent },
  409: { description: 'The change conflicts with the record’s state', content: problemContent },
  412: { description: 'The record changed since it was read (stale If-Match)', content: problemContent },
  415: { description: 'The body is not JSON', content: problemContent },
  428: { description: 'If-Match is missing', content: problemContent },
} as const;

export const jsonContent = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

export const idParamsSchema = z.object({
  id: z.uuid().meta({ param: { name: 'id', in: 'path' } }),
});

export const ifMatchHeaderSchema = z.object({
  'if-match': z.string().optional().meta({ description: 'The ETag of the version being changed, e.g. "3"' }),
});
