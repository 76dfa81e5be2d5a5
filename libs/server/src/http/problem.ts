import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { fieldErrorsFromIssues, type FieldError, type Problem } from '@kompetansebro/domain';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const problemTitles: Record<number, string> = {
  400: 'The request has invalid input',
  401: 'Not logged in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  412: 'The record has changed since it was read',
  413: 'The request is too large',
  415: 'Unsupported media type',
  428: 'The request must say which version it changes (If-Match)',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** A failure the client caused or must know of, answered as RFC 9457 problem details. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly extra: Partial<Pick<Problem, 'allowed'>> & { retryAfter?: number } = {},
  ) {
    super(detail ?? problemTitles[status] ?? `HTTP ${status}`);
  }

  toProblem(): Problem {
    return {
      type: this.status === 400 && this.errors ? '/problems/validation' : 'about:blank',
      title: problemTitles[this.status] ?? 'Error',
      status: this.status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.errors ? { errors: this.errors } : {}),
      ...(this.extra.allowed ? { allowed: this.extra.allowed } : {}),
    };
  }
}

export const notFound = (entity: string) => new ProblemError(404, `No ${entity} has this id`);
export const invalidInput = (errors: FieldError[]) =>
  new ProblemError(400, errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);

export function problemResponse(c: Context, error: ProblemError): Response {
  const headers: Record<string, string> = { 'Content-Type': PROBLEM_CONTENT_TYPE };
  if (error.extra.retryAfter !== undefined) headers['Retry-After'] = String(error.extra.retryAfter);
  return c.body(JSON.stringify(error.toProblem()), error.status, headers);
}

/** Turns a zod error into field errors (the shared mapping in domain), under a location such as "query". */
export function fieldErrorsFromZod(error: z.ZodError, prefix?: string): FieldError[] {
  return fieldErrorsFromIssues(error.issues, prefix);
}
