import type { ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { FieldError, Problem } from '@kompetansebro/domain';

/** An answer other than 2xx, with the server's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds to wait before asking again (a 429's Retry-After), when the server said. */
    readonly retryAfterSeconds: number | null = null,
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

/** Retry-After in seconds: a number of seconds or an HTTP date (RFC 9110). */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The ApiError a non-2xx response stands for. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => null);
  // The schema (and zod) load with the first error, not with every page: building zod's first
  // schemas was ~80 ms of a phone's main thread on each app's landing page. A schema that does not
  // load leaves the answer's status and text, as a body that is not a problem would.
  const parsed = await import('./problem-schema').then(({ problemSchema }) => problemSchema.safeParse(body)).catch(() => null);
  return new ApiError(
    response.status,
    parsed?.success ? parsed.data : { type: 'about:blank', title: response.statusText || `HTTP ${response.status}`, status: response.status },
    retryAfterSeconds(response.headers.get('Retry-After')),
  );
}

/** A request that got no answer at all (network down, CORS, DNS). */
export function networkError(cause: unknown): ApiError {
  return new ApiError(0, { type: 'about:blank', title: 'No answer from the server', status: 0, detail: String(cause) });
}

/**
 * Reads a typed client's response: its JSON on success (typed by the server's route), an
 * ApiError otherwise (also when the network fails).
 */
export async function readJson<R extends ClientResponse<unknown, number, string>>(responsePromise: Promise<R>): Promise<SuccessBody<R>> {
  let response: R;
  try {
    response = await responsePromise;
  } catch (cause) {
    throw networkError(cause);
  }
  if (response.ok) return (await response.json()) as SuccessBody<R>;
  throw await apiErrorOf(response as unknown as Response);
}

/** Like readJson, for routes that answer with no body (204): resolves when the answer is 2xx. */
export async function readEmpty(responsePromise: Promise<{ ok: boolean }>): Promise<void> {
  let response: { ok: boolean };
  try {
    response = await responsePromise;
  } catch (cause) {
    throw networkError(cause);
  }
  if (!response.ok) throw await apiErrorOf(response as unknown as Response);
}
