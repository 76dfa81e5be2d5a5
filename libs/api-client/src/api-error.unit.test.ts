import { describe, expect, it } from 'vitest';
import { apiErrorOf } from './api-error';

const answer = (body: unknown, status: number, statusText: string) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText, headers: { 'Content-Type': 'application/problem+json' } });

describe('apiErrorOf', () => {
  it('reads the problem details of an error answer, its field errors by path', async () => {
    const error = await apiErrorOf(
      answer({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Check the fields', errors: [{ path: 'name', code: 'too_small', message: 'Too short', params: { minimum: 2 } }] }, 400, 'Bad Request'),
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe('Check the fields');
    expect(error.fieldErrors['name']).toEqual({ path: 'name', code: 'too_small', message: 'Too short', params: { minimum: 2 } });
  });

  it('keeps the status and its text when the body is not problem details', async () => {
    const error = await apiErrorOf(answer('<html>Bad gateway</html>', 502, 'Bad Gateway'));
    expect(error.status).toBe(502);
    expect(error.problem).toEqual({ type: 'about:blank', title: 'Bad Gateway', status: 502 });
    expect(error.fieldErrors).toEqual({});
  });
});
