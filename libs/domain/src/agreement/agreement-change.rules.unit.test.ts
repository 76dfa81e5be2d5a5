import { describe, expect, it } from 'vitest';
import { ConflictError, DomainRuleError } from '../common/domain-errors';
import { assertAcceptanceOpen, assertAgreementChangeAllowed, assertNoViolations, partyViolations } from './agreement-change.rules';

const A = '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a01';
const B = '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a02';

describe('what may change in an agreement', () => {
  it('changes anything while it is negotiated', () => {
    expect(() => assertAgreementChangeAllowed('draft', { title: 'Ny', parties: [] })).not.toThrow();
    expect(() => assertAgreementChangeAllowed('negotiating', { startDate: '2026-01-01' })).not.toThrow();
  });

  it('changes only what was not negotiated once signed, and nothing once closed', () => {
    expect(() => assertAgreementChangeAllowed('active', {})).not.toThrow();
    expect(() => assertAgreementChangeAllowed('active', { title: 'Ny', kind: 'x' })).toThrow(new ConflictError('title, kind of a active agreement change only by renewing it'));
    expect(() => assertAgreementChangeAllowed('expired', {})).toThrow(ConflictError);
    expect(() => assertAgreementChangeAllowed('terminated', {})).toThrow('An agreement that is terminated cannot be changed');
  });

  it('takes acceptances only while the text is negotiated', () => {
    expect(() => assertAcceptanceOpen('negotiating')).not.toThrow();
    expect(() => assertAcceptanceOpen('signed')).toThrow('A signed agreement is accepted already');
  });
});

describe('the parties of an agreement', () => {
  it('name known actors committing their own services', () => {
    const services = [
      { id: 's1', actorId: A },
      { id: 's2', actorId: B },
    ];
    expect(partyViolations([{ actorId: A, serviceIds: ['s1'] }], new Set([A, B]), services)).toEqual([]);
    expect(partyViolations([{ actorId: 'x', serviceIds: ['s2', 's9'] }, { actorId: A, serviceIds: [] }], new Set([A]), services)).toEqual([
      { path: 'parties.0.actorId', code: 'actor_not_found', message: 'No actor has this id' },
      { path: 'parties.0.serviceIds.0', code: 'service_not_of_party', message: 'A party commits only its own services' },
      { path: 'parties.0.serviceIds.1', code: 'service_not_found', message: 'No service has this id' },
    ]);
  });

  it('are answered with every field error at once', () => {
    expect(() => assertNoViolations([])).not.toThrow();
    expect(() => assertNoViolations([{ path: 'a', code: 'b', message: 'c' }])).toThrow(DomainRuleError);
  });
});
