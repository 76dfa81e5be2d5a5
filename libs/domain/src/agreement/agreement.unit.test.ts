import { describe, expect, it } from 'vitest';
import { todayInNorway } from '../common/dates';
import { agreementStatuses, allowedTransitions, canRenew, canTransition, dayAfter, inForceOn, isTransition, renewalViolations, statusByCalendar } from './agreement-lifecycle';
import { signingNote } from './agreement-change.rules';
import { signedByAcceptance } from './agreement-lifecycle';
import { commitmentStatus } from './agreement-fulfilment';
import { agreementRuleViolations } from './agreement.rules';

const A = '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a01';
const B = '8d0c2a8e-2f0e-4d7e-9a53-0c5e7d1f0a02';

describe('the agreement lifecycle', () => {
  it('follows draft → negotiating → signed → active → expiring → expired', () => {
    const path = ['draft', 'negotiating', 'signed', 'active', 'expiring', 'expired'] as const;
    path.slice(1).forEach((to, i) => expect(isTransition(path[i] ?? 'draft', to)).toBe(true));
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

  it('leaves the calendar statuses to the calendar: nobody clicks an agreement active or expired', () => {
    expect(allowedTransitions('signed')).toEqual(['terminated']);
    expect(canTransition('signed', 'active')).toBe(false);
    expect(isTransition('signed', 'active')).toBe(true);
    expect(allowedTransitions('active')).toEqual(['terminated']);
  });
});

describe('the calendar', () => {
  const signed = { status: 'signed' as const, startDate: '2027-01-01', endDate: '2027-06-30' };

  it('makes a signed agreement active on its start date, not the day before', () => {
    expect(statusByCalendar(signed, '2026-12-31')).toBe('signed');
    expect(statusByCalendar(signed, '2027-01-01')).toBe('active'); // 180 days left
    expect(statusByCalendar({ ...signed, startDate: null }, '2026-06-01')).toBe('active');
  });

  it('makes it expiring the set number of days before its end, and expired the day after its end', () => {
    const active = { ...signed, status: 'active' as const, endDate: '2027-12-31' };
    expect(statusByCalendar(active, '2027-10-01')).toBe('active'); // 91 days left
    expect(statusByCalendar(active, '2027-10-02')).toBe('expiring'); // 90 days left
    expect(statusByCalendar(active, '2027-12-31')).toBe('expiring'); // its last day still binds
    expect(statusByCalendar(active, '2028-01-01')).toBe('expired');
    expect(statusByCalendar(active, '2027-10-02', 30)).toBe('active');
    expect(statusByCalendar({ ...active, status: 'expiring' }, '2027-10-02', 30)).toBe('active');
    expect(statusByCalendar({ ...active, endDate: null }, '2030-01-01')).toBe('active');
  });

  it('takes a signed agreement whose end has passed straight to expired, and leaves people\'s statuses alone', () => {
    expect(statusByCalendar({ ...signed, endDate: '2026-06-30' }, '2026-12-03')).toBe('expired');
    for (const status of ['draft', 'negotiating', 'terminated', 'expired'] as const) {
      expect(statusByCalendar({ ...signed, status }, '2028-01-01')).toBe(status);
    }
  });

  it('counts the day in Norway: 23:30 UTC on the last day is already the day after in Oslo', () => {
    const active = { status: 'active' as const, startDate: '2026-01-01', endDate: '2026-06-30' };
    // Summer time (UTC+2): 21:59 UTC is 23:59 in Oslo on the last day; 22:00 UTC is the next day.
    expect(statusByCalendar(active, todayInNorway(new Date('2026-06-30T21:59:00Z')))).toBe('expiring');
    expect(statusByCalendar(active, todayInNorway(new Date('2026-06-30T22:00:00Z')))).toBe('expired');
    // Winter time (UTC+1): a start on 1 January begins at 23:00 UTC on 31 December.
    const planned = { status: 'signed' as const, startDate: '2027-01-01', endDate: null };
    expect(statusByCalendar(planned, todayInNorway(new Date('2026-12-31T22:59:00Z')))).toBe('signed');
    expect(statusByCalendar(planned, todayInNorway(new Date('2026-12-31T23:00:00Z')))).toBe('active');
  });

  it('counts an agreement in force on a day by its dates and status', () => {
    const ended = { status: 'expired' as const, startDate: '2025-07-01', endDate: '2026-06-30' };
    expect(inForceOn(ended, '2026-06-30')).toBe(true);
    expect(inForceOn(ended, '2026-07-01')).toBe(false);
    expect(inForceOn(ended, '2025-06-30')).toBe(false);
    expect(inForceOn({ ...ended, status: 'negotiating' }, '2026-01-01')).toBe(false);
    expect(inForceOn({ ...ended, status: 'terminated' }, '2026-01-01')).toBe(false);
    expect(inForceOn({ status: 'signed', startDate: '2027-01-01', endDate: null }, '2027-03-01')).toBe(true);
  });

  it('starts a renewal the day after the old end', () => {
    expect(dayAfter('2026-06-30')).toBe('2026-07-01');
    expect(dayAfter('2026-12-31')).toBe('2027-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
  });

  it('finds every fault of a renewal’s period at once: a start before the old end, an end before the start', () => {
    const renewed = { endDate: '2026-06-30' };
    expect(renewalViolations(renewed, { startDate: '2026-07-01', endDate: '2029-06-30' })).toEqual([]);
    expect(renewalViolations(renewed, { startDate: null, endDate: '2029-06-30' })).toEqual([]);
    expect(renewalViolations({ endDate: null }, { startDate: null, endDate: null })).toEqual([]);
    expect(renewalViolations(renewed, { startDate: '2026-06-30', endDate: '2026-01-01' })).toEqual([
      expect.objectContaining({ path: 'startDate', code: 'renewal_overlaps', params: { after: '2026-06-30' } }),
      expect.objectContaining({ path: 'endDate', code: 'end_before_start' }),
    ]);
    // No start given: it starts the day after the old end, so an end before that is before the start.
    expect(renewalViolations(renewed, { endDate: '2026-06-30' })).toEqual([expect.objectContaining({ path: 'endDate', code: 'end_before_start' })]);
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

describe('signing', () => {
  const parties = [
    { actorId: A, actorName: 'Fosen studiesenter', acceptedAt: '2026-12-01T10:00:00Z' },
    { actorId: B, actorName: 'Ørland bibliotek', acceptedAt: null },
  ];

  it('needs every party\'s acceptance', () => {
    expect(signingNote(parties.map((p) => ({ ...p, acceptedAt: '2026-12-01T10:00:00Z' })), undefined, true)).toBeNull();
    expect(() => signingNote(parties, undefined, true)).toThrow(/Ørland bibliotek/);
  });

  it('lets the county sign without an acceptance only with a reason, and says so for the history', () => {
    // Who had not accepted, as a code the reader's language names; the reason as typed.
    expect(signingNote(parties, 'Signert på papir i møte 1.12.', true)).toEqual({
      code: 'signed_without_acceptance',
      params: { missing: 'Ørland bibliotek' },
      reason: 'Signert på papir i møte 1.12.',
    });
    expect(() => signingNote(parties, 'Signert på papir', false)).toThrow();
  });

  it('is signed by the last acceptance while the parties are asked, not by one short, nor in a draft', () => {
    const all = parties.map((p) => ({ ...p, acceptedAt: '2026-12-01T10:00:00Z' }));
    expect(signedByAcceptance('negotiating', all)).toBe(true);
    expect(signedByAcceptance('negotiating', parties)).toBe(false);
    expect(signedByAcceptance('draft', all)).toBe(false);
    expect(signedByAcceptance('negotiating', [])).toBe(false);
  });
});

describe('fulfilment at a glance', () => {
  const offered = { archived: false, confirmedAt: '2026-03-01', weeklyHours: 20 };
  it('meets a commitment offered, with hours, and confirmed within 12 months', () => {
    expect(commitmentStatus(offered, '2027-03-01')).toBe('met');
    expect(commitmentStatus(offered, '2027-03-02')).toBe('unconfirmed');
    expect(commitmentStatus({ ...offered, confirmedAt: null }, '2026-04-01')).toBe('unconfirmed');
    expect(commitmentStatus({ ...offered, weeklyHours: null }, '2026-04-01')).toBe('met');
  });

  it('flags a service archived or with its hours gone, whatever its confirmation', () => {
    expect(commitmentStatus({ ...offered, archived: true }, '2026-04-01')).toBe('archived');
    expect(commitmentStatus({ ...offered, weeklyHours: 0 }, '2026-04-01')).toBe('no_hours');
  });
});
