import { describe, expect, it } from 'vitest';
import { currentEndDate, remainingFunds } from './initiative.schema';

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
