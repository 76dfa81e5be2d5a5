import { describe, expect, it } from 'vitest';
import { agreementStatuses, allowedTransitions, canRenew, canTransition, statusByCalendar } from './agreement-lifecycle';
import { agreementRuleViolations } from './agreement.rules';

const A = '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a01';
const B = '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a02';

describe('the agreement lifecycle', () => {
  it('follows draft → negotiating → signed → active → expiring → expired', () => {
    const path = ['draft', 'negotiating', 'signed', 'active', 'expiring', 'expired'] as const;
    path.slice(1).forEach((to, i) => expect(canTransition(path[i] ?? 'draft', to)).toBe(true));
  });

  it('can be terminated from every open status, and nothing follows an end', () => {
    for (const status of ['draft', 'negotiating', 'signed', 'active', 'expiring'] as const) {
      expect(canTransition(status, 'terminated')).toBe(true);
    }
    expect(allowedTransitions('expired')).toEqual([]);
    expect(allowedTransitions('terminated')).toEqual([]);
  });

  it('never skips signing', () => {
    expect(canTransition('draft', 'active')).toBe(false);
    expect(canTransition('negotiating', 'active')).toBe(false);
    expect(canTransition('draft', 'signed')).toBe(false);
  });

  it('never goes back from signed to a draft', () => {
    for (const later of ['signed', 'active', 'expiring', 'expired', 'terminated'] as const) {
      expect(canTransition(later, 'draft')).toBe(false);
    }
  });

  it('renews agreements in force or run out, not drafts', () => {
    expect(agreementStatuses.filter(canRenew)).toEqual(['active', 'expiring', 'expired']);
  });

  it('moves binding agreements by the calendar: expiring 90 days before the end, expired after it', () => {
    expect(statusByCalendar('active', '2027-06-30', '2027-01-01')).toBe('active');
    expect(statusByCalendar('active', '2027-06-30', '2027-04-01')).toBe('expiring');
    expect(statusByCalendar('expiring', '2027-06-30', '2027-07-01')).toBe('expired');
    expect(statusByCalendar('active', '2027-06-30', '2027-06-30')).toBe('expiring');
    expect(statusByCalendar('signed', '2027-06-30', '2027-07-01')).toBe('signed');
    expect(statusByCalendar('active', null, '2030-01-01')).toBe('active');
  });
});

describe('agreement rules', () => {
  it('needs two different parties', () => {
    const codes = (parties: string[]) =>
      agreementRuleViolations({ parties: parties.map((actorId) => ({ actorId, role: 'partner', serviceIds: [] })), startDate: null, endDate: null }).map(
        (e) => e.code,
      );
    expect(codes([A, B])).toEqual([]);
    expect(codes([A])).toEqual(['agreement_too_few_parties']);
    expect(codes([A, A])).toEqual(['agreement_too_few_parties', 'agreement_duplicate_party']);
  });

  it('ends after it starts', () => {
    const parties = [A, B].map((actorId) => ({ actorId, role: 'partner' as const, serviceIds: [] }));
    expect(agreementRuleViolations({ parties, startDate: '2026-01-01', endDate: '2025-12-31' }).map((e) => e.path)).toEqual(['endDate']);
  });
});
