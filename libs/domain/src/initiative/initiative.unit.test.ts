import { describe, expect, it } from 'vitest';
import { currentEndDate, initiativeRuleViolations, planItemRuleViolations, remainingFunds, schoolYearSchema } from './initiative.schema';

const extension = (requestedEnd: string, status: 'asked' | 'granted' | 'refused') => ({
  id: '00000000-0000-4000-8000-000000000001',
  askedOn: '2025-03-01',
  requestedEnd,
  status,
  decidedOn: null,
  note: null,
});

describe('an initiative period', () => {
  it('ends at the planned end until an extension is granted', () => {
    expect(currentEndDate({ plannedEndDate: '2025-06-30', extensions: [] })).toBe('2025-06-30');
    expect(currentEndDate({ plannedEndDate: '2025-06-30', extensions: [extension('2026-06-30', 'granted')] })).toBe('2026-06-30');
  });

  it('is not moved by an extension only asked for, or refused', () => {
    const extensions = [extension('2026-06-30', 'granted'), extension('2027-06-30', 'asked'), extension('2028-06-30', 'refused')];
    expect(currentEndDate({ plannedEndDate: '2025-06-30', extensions })).toBe('2026-06-30');
  });
});

describe('funds', () => {
  it('remaining is granted less spent', () => {
    expect(remainingFunds({ granted: 500_000, spent: 320_500.5 })).toBe(179_499.5);
    expect(remainingFunds(null)).toBeNull();
  });
});

describe('initiative rules', () => {
  const base = { parentId: null, startDate: '2023-06-01', plannedEndDate: '2025-06-30', extensions: [], goals: [], policyAnchors: [] };

  it('accepts the NB project as the seed describes it', () => {
    const extensions = [
      { ...extension('2026-06-30', 'granted'), decidedOn: '2025-04-22' },
      { ...extension('2027-06-30', 'asked'), id: '00000000-0000-4000-8000-000000000002', askedOn: '2026-01-28' },
    ];
    expect(initiativeRuleViolations({ ...base, extensions })).toEqual([]);
  });

  it('refuses a planned end before the start', () => {
    expect(initiativeRuleViolations({ ...base, plannedEndDate: '2023-05-31' })).toEqual([
      expect.objectContaining({ path: 'plannedEndDate', code: 'end_before_start' }),
    ]);
  });

  it('checks the dates of each extension', () => {
    const asked = { ...extension('2026-06-30', 'asked'), decidedOn: '2025-04-01' };
    const early = { ...extension('2026-06-30', 'granted'), id: '00000000-0000-4000-8000-000000000002', decidedOn: '2025-02-01' };
    const shorter = { ...extension('2025-01-31', 'asked'), id: '00000000-0000-4000-8000-000000000003' };
    expect(initiativeRuleViolations({ ...base, extensions: [asked, early, shorter] }).map((e) => [e.path, e.code])).toEqual([
      ['extensions.0.decidedOn', 'decided_while_asked'],
      ['extensions.1.decidedOn', 'decided_before_asked'],
      ['extensions.2.requestedEnd', 'extension_not_later'],
    ]);
  });

  it('refuses two entries with one id and an initiative that is its own parent', () => {
    const id = '00000000-0000-4000-8000-000000000009';
    const goals = [{ id, text: 'Første' }, { id, text: 'Andre' }];
    expect(initiativeRuleViolations({ ...base, id, parentId: id, goals }).map((e) => [e.path, e.code])).toEqual([
      ['goals.1.id', 'duplicate'],
      ['parentId', 'parent_is_self'],
    ]);
  });

  it('refuses a plan item result listed twice, naming where it sits', () => {
    const activity = '00000000-0000-4000-8000-000000000005';
    expect(planItemRuleViolations({ activityIds: [activity, activity], agreementIds: [] }, 'planItems.3.')).toEqual([
      expect.objectContaining({ path: 'planItems.3.activityIds.1', code: 'duplicate' }),
    ]);
  });
});

describe('school years', () => {
  it('are written 2024/25, the second year following the first', () => {
    expect(schoolYearSchema.safeParse('2024/25').success).toBe(true);
    expect(schoolYearSchema.safeParse('2099/00').success).toBe(true);
    expect(schoolYearSchema.safeParse('2024/26').success).toBe(false);
    expect(schoolYearSchema.safeParse('2024-25').success).toBe(false);
  });
});
