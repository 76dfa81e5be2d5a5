import { describe, expect, it } from 'vitest';
import { activitiesByDay, addMonths, lastDayOf, monthWeeks } from './calendar';

describe('the month grid', () => {
  it('moves across year ends', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-02', 13)).toBe('2027-03');
  });

  it('knows leap years', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
  });

  it('lays out weeks from Monday, with empty days outside the month', () => {
    // 1 February 2026 is a Sunday; 28 February a Saturday.
    const weeks = monthWeeks('2026-02');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual([null, null, null, null, null, null, '2026-02-01']);
    expect(weeks[4]).toEqual(['2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', null]);
  });

  it('puts an activity over a period on every day of it within the month', () => {
    const period = { startDate: '2026-01-30', endDate: '2026-02-02' };
    const oneDay = { startDate: '2026-02-03', endDate: null };
    const byDay = activitiesByDay('2026-02', [period, oneDay]);
    expect([...byDay.keys()]).toEqual(['2026-02-01', '2026-02-02', '2026-02-03']);
    expect(byDay.get('2026-02-03')).toEqual([oneDay]);
  });
});
