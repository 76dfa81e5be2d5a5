import { contactSummarySchema, type ContactSummary } from '@kompetansebro/domain';
import { idSequence, sequentialUuid, TIMESTAMP } from './ids';

/** A fresh id for a contact person in a test. */
export const nextContactId = idSequence(17);

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
