import type { RequestHandler } from 'msw';
import type { ContactSummary } from '@kompetansebro/domain';
import { buildContact, nextContactId } from '../factories/contact.factory';
import { ResourceStore, resourceHandlers } from './resource';

/** The contact persons of a scenario, served as given. */
export class ContactStore extends ResourceStore<ContactSummary> {}

/** Handlers for /api/contacts over a store. */
export function contactHandlers(store = new ContactStore()): RequestHandler[] {
  return resourceHandlers('/contacts', store, {
    create: (body) => ({ ...buildContact({ id: nextContactId() }), role: null, email: null, phone: null, ...body }) as ContactSummary,
    deletable: true,
  });
}
