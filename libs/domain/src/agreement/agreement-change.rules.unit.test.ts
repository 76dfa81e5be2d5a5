import { describe, expect, it } from 'vitest';
import { ConflictError, DomainRuleError } from '../common/domain-errors';
import { assertAcceptanceOpen, assertAgreementChangeAllowed, assertNoViolations, partyViolations } from './agreement-change.rules';
import { amendmentOf } from './agreement-amendment';

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
    expect(() => assertAgreementChangeAllowed('active', { endDate: '2030-01-01' })).toThrow('endDate of a active agreement change only by an amendment, which its parties accept');
    expect(() => assertAgreementChangeAllowed('expired', {})).toThrow(ConflictError);
    expect(() => assertAgreementChangeAllowed('terminated', {})).toThrow('An agreement that is terminated cannot be changed');
  });

  it('takes acceptances only while the text is negotiated', () => {
    expect(() => assertAcceptanceOpen('negotiating')).not.toThrow();
    expect(() => assertAcceptanceOpen('signed')).toThrow('A signed agreement is accepted already');
  });
});

describe('an amendment', () => {
  const signed = {
    status: 'active' as const,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    description: null,
    levels: ['practical'],
    themes: [],
    parties: [
      { actorId: A, services: [] },
      { actorId: B, services: [{ serviceId: 's1' }] },
    ],
  };

  it('says what changed, before and after, and touches only the parties whose part changes', () => {
    const service = amendmentOf(signed, { reason: 'Grupperom', services: [{ actorId: B, serviceIds: ['s1', 's2'] }] });
    expect(service).toEqual({ changes: [{ field: 'services', actorId: B, before: ['s1'], after: ['s1', 's2'] }], touched: [B], errors: [] });
    const longer = amendmentOf(signed, { reason: 'Forlenget', endDate: '2028-12-31', levels: ['practical'] });
    expect(longer.changes).toEqual([{ field: 'endDate', actorId: null, before: '2027-12-31', after: '2028-12-31' }]);
    expect(longer.touched).toEqual([A, B]);
  });

  it('refuses one that changes nothing, ends before the start or names no party; and any before signing or after the end', () => {
    expect(amendmentOf(signed, { reason: 'Ingenting' }).errors.map((e) => e.code)).toEqual(['amendment_empty']);
    expect(amendmentOf(signed, { reason: 'Feil', endDate: '2025-01-01' }).errors.map((e) => e.path)).toEqual(['endDate']);
    expect(amendmentOf(signed, { reason: 'Feil', services: [{ actorId: 'x', serviceIds: [] }] }).errors.map((e) => e.path)).toEqual(['services.0.actorId']);
    expect(() => amendmentOf({ ...signed, status: 'negotiating' }, { reason: 'Tidlig', endDate: '2028-01-01' })).toThrow(ConflictError);
    expect(() => amendmentOf({ ...signed, status: 'expired' }, { reason: 'Sent', endDate: '2028-01-01' })).toThrow(/renew it/);
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
