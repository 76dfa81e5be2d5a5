import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import { problemSchema, type FieldError, type Problem } from '@kompetansebro/domain';

/** An answer other than 2xx, with the server's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The field errors of a 400, keyed by field path. */
  get fieldErrors(): Record<string, FieldError> {
    const byPath: Record<string, FieldError> = {};
    for (const error of this.problem.errors ?? []) byPath[error.path] ??= error;
    return byPath;
  }
}

/** The body type the server declares for a route's success statuses. */
type SuccessBody<R> = R extends ClientResponse<infer Body, infer Status, 'json'> ? (Status extends SuccessStatusCode ? Body : never) : never;

/**
 * Reads a typed client's response: its JSON on success (typed by the server's route), an
 * ApiError otherwise (also when the network fails).
 */
export async function readJson<R extends ClientResponse<unknown, number, string>>(responsePromise: Promise<R>): Promise<SuccessBody<R>> {
  let response: R;
  try {
    response = await responsePromise;
  } catch (cause) {
    throw new ApiError(0, { type: 'about:blank', title: 'No answer from the server', status: 0, detail: String(cause) });
  }
  if (response.ok) return (await response.json()) as SuccessBody<R>;
  const body: unknown = await response.json().catch(() => null);
  const parsed = problemSchema.safeParse(body);
  throw new ApiError(
    response.status,
    parsed.success ? parsed.data : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status },
  );
}
