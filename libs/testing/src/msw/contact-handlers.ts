import {
  contactCreateSchema,
  contactSummarySchema,
  contactUpdateSchema,
  fieldErrorsFromIssues,
  type ContactSummary,
  type FieldError,
  type Page,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildContact, nextContactId } from '../factories/contact.factory';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/** In-memory contact persons behind msw: the actor filter, versions (412/428), 400 with field errors, delete. */
export class ContactStore {
  private readonly contacts = new Map<string, ContactSummary>();
  readonly received: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = [];

  constructor(contacts: readonly ContactSummary[] = []) {
    for (const contact of contacts) this.contacts.set(contact.id, contact);
  }

  get(id: string): ContactSummary | undefined {
    return this.contacts.get(id);
  }

  saveBySomeoneElse(id: string, changes: Partial<ContactSummary>): ContactSummary {
    return this.put({ ...this.require(id), ...changes });
  }

  list(search: URLSearchParams): Page<ContactSummary> {
    const actor = search.get('actor');
    const items = [...this.contacts.values()].filter((contact) => !actor || contact.actorId === actor).sort((a, b) => a.name.localeCompare(b.name, 'nb'));
    return { items, total: items.length, page: 1, pageSize: Math.max(items.length, 1) };
  }

  create(body: unknown): ContactSummary | FieldError[] {
    const parsed = contactCreateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    const contact = buildContact({ role: null, email: null, phone: null, ...parsed.data, id: nextContactId() });
    this.contacts.set(contact.id, contact);
    return contact;
  }

  update(id: string, body: unknown): ContactSummary | FieldError[] {
    const parsed = contactUpdateSchema.safeParse(body);
    if (!parsed.success) return fieldErrorsFromIssues(parsed.error.issues);
    return this.put({ ...this.require(id), ...parsed.data });
  }

  delete(id: string): void {
    this.contacts.delete(id);
  }

  private put(contact: ContactSummary): ContactSummary {
    const next = contactSummarySchema.parse({ ...contact, version: contact.version + 1, updatedAt: new Date().toISOString() });
    this.contacts.set(next.id, next);
    return next;
  }

  private require(id: string): ContactSummary {
    const contact = this.contacts.get(id);
    if (!contact) throw new Error(`No contact ${id} in the store`);
    return contact;
  }
}

function expectedVersion(header: string | null): number | null {
  const match = header ? /^"(\d+)"$/.exec(header.trim()) : null;
  return match ? Number(match[1]) : null;
}

/** Handlers for /api/contacts over a store. */
export function contactHandlers(store = new ContactStore()) {
  const refusal = (id: string, request: Request) => {
    const contact = store.get(id);
    if (!contact) return problemResponse(404);
    const version = expectedVersion(request.headers.get('If-Match'));
    if (version === null) return problemResponse(428);
    return version === contact.version ? null : problemResponse(412);
  };
  const answer = (result: ContactSummary | FieldError[], status = 200) =>
    Array.isArray(result) ? problemResponse(400, result) : HttpResponse.json(result, { status, headers: { ETag: `"${result.version}"` } });

  return [
    http.get(api('/contacts'), ({ request }) => HttpResponse.json(store.list(new URL(request.url).searchParams))),
    http.post(api('/contacts'), async ({ request }) => {
      const body: unknown = await request.json();
      store.received.push({ method: 'POST', path: '/api/contacts', body, ifMatch: null });
      return answer(store.create(body), 201);
    }),
    http.patch(api('/contacts/:id'), async ({ request, params }) => {
      const id = String(params['id']);
      const body: unknown = await request.json();
      store.received.push({ method: 'PATCH', path: `/api/contacts/${id}`, body, ifMatch: request.headers.get('If-Match') });
      return refusal(id, request) ?? answer(store.update(id, body));
    }),
    http.delete(api('/contacts/:id'), ({ request, params }) => {
      const id = String(params['id']);
      store.received.push({ method: 'DELETE', path: `/api/contacts/${id}`, body: null, ifMatch: request.headers.get('If-Match') });
      const refused = refusal(id, request);
      if (refused) return refused;
      store.delete(id);
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
