import type { FieldError, Problem } from '@kompetansebro/domain';
import { HttpResponse } from 'msw';

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

