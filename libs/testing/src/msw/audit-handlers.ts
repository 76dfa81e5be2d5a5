import type { RequestHandler } from 'msw';
import type { AuditListEntry } from '../factories/audit.factory';
import { listHandler, ResourceStore } from './resource';

/** The audit log of a scenario, served in the order given (newest first, as the API lists it); `listFor` says what a filter finds. */
export class AuditStore extends ResourceStore<AuditListEntry> {}

export function auditHandlers(store = new AuditStore()): RequestHandler[] {
  return [listHandler('/audit', store)];
}
