import type { FieldError, Problem } from '@kompetansebro/domain';
import { HttpResponse } from 'msw';
import type { z } from 'zod';

const titles: Record<number, string> = {
  400: 'The request has invalid input',
  401: 'Not logged in',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  412: 'The record has changed since it was read',
  428: 'The request must say which version it changes (If-Match)',
  429: 'Too many requests',
  500: 'Internal server error',
};

/** An RFC 9457 problem+json answer, as the API sends every error. */
export function problemResponse(status: number, errors?: FieldError[], headers: Record<string, string> = {}): HttpResponse<Problem> {
  const problem: Problem = {
    type: status === 400 && errors ? '/problems/validation' : 'about:blank',
    title: titles[status] ?? 'Error',
    status,
    ...(errors ? { errors, detail: errors.map((error) => `${error.path}: ${error.message}`).join('; ') } : {}),
  };
  return HttpResponse.json(problem, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/** Zod's issues as the API reports them: the domain's own code for its refinements, and the params that explain. */
export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    const domainCode = issue.code === 'custom' && typeof issue.params?.['code'] === 'string' ? issue.params['code'] : undefined;
    const source: Record<string, unknown> = { ...issue };
    const params: Record<string, string | number> = {};
    for (const key of ['minimum', 'maximum', 'origin', 'format']) {
      const value = source[key];
      if (typeof value === 'string' || typeof value === 'number') params[key] = value;
    }
    return { path: issue.path.map(String).join('.'), code: domainCode ?? issue.code, message: issue.message, params };
  });
}
