import { contactSummarySchema, type ContactSummary } from '@kompetansebro/domain';
import { sequentialUuid } from './ids';

let contactCount = 0;

/** A fresh id for a contact person in a test. */
export function nextContactId(): string {
  contactCount += 1;
  return sequentialUuid(17, contactCount);
}

const TIMESTAMP = '2026-02-03T09:30:00.000Z';

/** A contact person as the API sends it (invented, example.org addresses), parsed with the domain's schema. */
export function buildContact(overrides: Partial<ContactSummary> = {}): ContactSummary {
  return contactSummarySchema.parse({
    id: nextContactId(),
    actorId: sequentialUuid(2, 999),
    name: 'Kari Nordmann',
    role: 'Biblioteksjef',
    email: 'kari.nordmann@example.org',
    phone: null,
    version: 1,
    createdAt: TIMESTAMP,
    updatedAt: TIMESTAMP,
    actorName: 'Trondheim folkebibliotek',
    ...overrides,
  });
}
