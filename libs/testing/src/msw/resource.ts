import type { FieldError, Page } from '@kompetansebro/domain';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { problemResponse } from './problem';

/** Every path the handlers answer, on any origin (component tests point the client at one). */
export const api = (path: string) => `*/api${path}`;

/** A request a screen sent, recorded so a test can check what was sent. */
export interface ReceivedRequest {
  method: string;
  path: string;
  body: unknown;
  ifMatch: string | null;
}

/** Records the request (method, path, body, If-Match) in `into` and gives the body back. */
export async function record(request: Request, into: ReceivedRequest[]): Promise<unknown> {
  const text = request.method === 'GET' || request.method === 'DELETE' ? '' : await request.clone().text();
  const body: unknown = text ? JSON.parse(text) : null;
  into.push({ method: request.method, path: new URL(request.url).pathname, body, ifMatch: request.headers.get('If-Match') });
  return body;
}

/** `{ items, total, page, pageSize }` of the given items: the page the query names, nothing filtered or sorted. */
export function pageOf<T>(items: readonly T[], search = new URLSearchParams()): Page<T> {
  const page = Math.max(1, Number(search.get('page') ?? 1) || 1);
  const pageSize = Math.max(1, Number(search.get('pageSize') ?? 25) || 25);
  return { items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize };
}

/** All the items as one page (for short lists the API answers whole). */
export const everything = <T>(items: readonly T[]): Page<T> => ({ items: [...items], total: items.length, page: 1, pageSize: Math.max(items.length, 1) });

/** A JSON answer with the record's version as its ETag, as the API sends a versioned record. */
export const versioned = (record: { version: number }, status = 200) => HttpResponse.json(record, { status, headers: { ETag: `"${record.version}"` } });

/** Of answers prepared per query, the one whose parameters the request has, naming the most of them. */
export function answerFor<A>(answers: ReadonlyArray<{ params: Record<string, string>; items: A }>, search: URLSearchParams): A | undefined {
  return answers
    .filter(({ params }) => Object.entries(params).every(([key, value]) => search.get(key) === value))
    .sort((a, b) => Object.keys(b.params).length - Object.keys(a.params).length)[0]?.items;
}

type Versioned = { id: string; version: number };
type Keyed = { id: string; version?: number };
type Prepared = { method: string; response: () => Response };

/**
 * What a scenario prepares beside its data, and what the screens sent: the requests received
 * (method, path, body, If-Match) and the answers prepared for the next request of a method —
 * `respondOnce('PATCH', 412)`, `respondOnce('POST', 400, [{ path, code, message }])`, `staleOnce()`.
 * The handlers check nothing themselves: the API's rules are tested against the real API.
 */
export class ScenarioStore<R = ReceivedRequest> {
  /** The writes received (method, path, body, If-Match unless a store keeps less), for tests to check what was sent. */
  readonly received: R[] = [];
  private readonly prepared: Prepared[] = [];

  /** The next `method` request answers with `response`, or a problem of that status (after being recorded). */
  respondOnce(method: string, response: (() => Response) | number, errors?: FieldError[]): void {
    this.prepared.push({ method, response: typeof response === 'number' ? () => problemResponse(response, errors) : response });
  }

  /** The next `method` request answers 412, as the API does when the record changed since it was read. */
  staleOnce(method = 'PATCH'): void {
    this.respondOnce(method, 412);
  }

  /** The answer prepared for this request, if any (used once). */
  takePrepared(method: string): Response | undefined {
    const index = this.prepared.findIndex((candidate) => candidate.method === method);
    if (index < 0) return undefined;
    const [prepared] = this.prepared.splice(index, 1);
    return prepared?.response();
  }

  /** Records the request; then the prepared answer if there is one, else `answer` with the body. */
  async answer(request: Request, answer: (body: Record<string, unknown>) => Response | Promise<Response>): Promise<Response> {
    const kept: ReceivedRequest[] = [];
    const body = ((await record(request, kept)) ?? {}) as Record<string, unknown>;
    this.received.push(...kept.map((entry) => this.keep(entry)));
    return this.takePrepared(request.method) ?? answer(body);
  }

  /** What is kept of a request received (all of it unless a store says less). */
  protected keep(entry: ReceivedRequest): R {
    return entry as R;
  }
}

/**
 * The records of one resource in a test's scenario. Lists answer the records in the order given,
 * or what `listFor` names for a query; detail finds by id (404 when absent); writes echo the body
 * merged into the record with the version one up, unless an answer is prepared.
 */
export class ResourceStore<T extends Keyed, R = ReceivedRequest> extends ScenarioStore<R> {
  protected readonly records = new Map<string, T>();
  /** The list queries received, for tests to check what a screen asked for. */
  readonly queries: URLSearchParams[] = [];
  private readonly createdAs: Partial<T>[] = [];
  /** Ids kept out of the lists (archived in the scenario), still found by id. */
  private readonly unlisted = new Set<string>();
  private readonly answers: Array<{ params: Record<string, string>; items: readonly T[] }> = [];
  private countCap: number | undefined;

  constructor(records: readonly T[] = []) {
    super();
    for (const item of records) this.records.set(item.id, item);
  }

  get(id: string): T | undefined {
    return this.records.get(id);
  }

  all(): T[] {
    return [...this.records.values()];
  }

  put(item: T): T {
    this.records.set(item.id, item);
    return item;
  }

  delete(id: string): void {
    this.records.delete(id);
  }

  /**
   * What the list answers when asked with these parameters (page and pageSize aside): the
   * scenario says what the API would find, rather than the double re-implementing its filters
   * and order. The entry naming the most of the request's parameters wins.
   */
  listFor(params: Record<string, string>, items: readonly T[]): this {
    this.answers.push({ params, items });
    return this;
  }

  /** The API counts this list only up to `cap` (a text search, the audit log): a total above it is "more than" (`totalCapped`). */
  countsUpTo(cap: number): this {
    this.countCap = cap;
    return this;
  }

  /** The list answer: the items given for the query (`listFor`), else every record in the order given; in pages. */
  list(search = new URLSearchParams()): Page<T> {
    const page = pageOf(answerFor(this.answers, search) ?? this.all().filter((item) => !this.unlisted.has(item.id)), search);
    return this.countCap !== undefined && page.total > this.countCap ? { ...page, total: this.countCap, totalCapped: true } : page;
  }

  /** Leaves the record out of the lists from now on (the scenario after archiving it); still found by id. */
  unlist(id: string): void {
    this.unlisted.add(id);
  }

  /** The record changed and its version one up (another user's save, or the echo of a write). */
  change(id: string, changes: Partial<T>): T {
    const current = this.records.get(id);
    if (!current) throw new Error(`No record ${id} in the store`);
    return this.put({ ...current, ...changes, version: (current.version ?? 0) + 1, updatedAt: new Date().toISOString() } as T);
  }

  /** Someone else saves the record: its data and version change (pair with `staleOnce` for the 412 the API would send). */
  saveBySomeoneElse(id: string, changes: Partial<T>): T {
    return this.change(id, changes);
  }

  /** The next create makes its record of the body with these fields over it (what the API made of the input). */
  createsWith(fields: Partial<T>): void {
    this.createdAs.push(fields);
  }

  /** The fields prepared for the next create, if any (used once). */
  takeCreatedAs(): Partial<T> {
    return this.createdAs.shift() ?? {};
  }
}

/**
 * A write to the store: recorded; then the prepared answer if there is one, 404 when the id is
 * not in the scenario, else `answer` with the body and the record.
 */
export async function answerWrite<T extends Versioned>(
  store: ResourceStore<T, unknown>,
  request: Request,
  id: string | null,
  answer: (body: Record<string, unknown>, item: T) => Response,
): Promise<Response> {
  return store.answer(request, (body) => {
    const item = id === null ? undefined : store.get(id);
    return id !== null && !item ? problemResponse(404) : answer(body, item as T);
  });
}

/** `GET <path>`: the store's list answer for the query (recorded), each item as `summary` shows it. */
export function listHandler<T extends Keyed>(path: string, store: ResourceStore<T, unknown>, summary: (item: T) => unknown = (item) => item): RequestHandler {
  return http.get(api(path), ({ request }) => {
    const search = new URL(request.url).searchParams;
    store.queries.push(search);
    const prepared = store.takePrepared('GET');
    if (prepared) return prepared;
    const page = store.list(search);
    return HttpResponse.json({ ...page, items: page.items.map(summary) });
  });
}

export interface ResourceOptions<T extends Versioned> {
  /** How one record shows in a list (e.g. a detail without its children); as stored unless told. */
  summary?: (item: T) => unknown;
  /** The record a create makes of its body (no create route unless given). */
  create?: (body: Record<string, unknown>) => T;
  /** The record's fields a write changes, from its body (the body itself unless told). */
  changes?: (item: T, body: Record<string, unknown>) => Partial<T>;
  /** `POST <base>/:id/<action>`: the fields each action changes. */
  actions?: Record<string, (item: T, body: Record<string, unknown>) => Partial<T>>;
  /** Actions after which the record is left out of the lists (archiving). */
  unlists?: string[];
  /** Whether `DELETE <base>/:id` is answered (204). */
  deletable?: boolean;
}

/**
 * Generic handlers for one resource over its store: list (a page of the records), detail (404
 * when absent), create (201), change, actions and delete (each recorded; the body merged into
 * the record with the version one up), each answering a prepared response first when there is one.
 */
export function resourceHandlers<T extends Versioned>(base: string, store: ResourceStore<T, unknown>, options: ResourceOptions<T> = {}): RequestHandler[] {
  const summary = options.summary ?? ((item: T) => item);
  const changes = options.changes ?? ((_item: T, body: Record<string, unknown>) => body as Partial<T>);
  const write = (request: Request, id: string | null, answer: (body: Record<string, unknown>, item: T) => Response) => answerWrite(store, request, id, answer);
  const handlers: RequestHandler[] = [
    listHandler(base, store, summary),
    http.get(api(`${base}/:id`), ({ params }) => {
      const item = store.get(String(params['id']));
      return item ? versioned(item) : problemResponse(404);
    }),
    http.patch(api(`${base}/:id`), ({ request, params }) =>
      write(request, String(params['id']), (body, item) => versioned(store.change(item.id, changes(item, body)))),
    ),
  ];
  const { create } = options;
  if (create) handlers.push(http.post(api(base), ({ request }) => write(request, null, (body) => versioned(store.put({ ...create(body), ...store.takeCreatedAs() }), 201))));
  for (const [action, change] of Object.entries(options.actions ?? {})) {
    handlers.push(
      http.post(api(`${base}/:id/${action}`), ({ request, params }) =>
        write(request, String(params['id']), (body, item) => {
          if (options.unlists?.includes(action)) store.unlist(item.id);
          return versioned(store.change(item.id, change(item, body)));
        }),
      ),
    );
  }
  if (options.deletable) {
    handlers.push(
      http.delete(api(`${base}/:id`), ({ request, params }) =>
        write(request, String(params['id']), (_body, item) => {
          store.delete(item.id);
          return new HttpResponse(null, { status: 204 });
        }),
      ),
    );
  }
  return handlers;
}
