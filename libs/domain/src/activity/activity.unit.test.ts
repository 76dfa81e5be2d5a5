import { describe, expect, it } from 'vitest';
import { countByPeriod, periodOf } from './activity.schema';

describe('activity periods', () => {
  it('splits the year into spring (H1) and autumn (H2)', () => {
    expect(periodOf('2023-09-14', 'half_year')).toBe('2023-H2');
    expect(periodOf('2024-06-30', 'half_year')).toBe('2024-H1');
    expect(periodOf('2024-07-01', 'half_year')).toBe('2024-H2');
    expect(periodOf('2024-07-01', 'month')).toBe('2024-07');
    expect(periodOf('2024-07-01', 'year')).toBe('2024');
  });

  it('counts per period in time order', () => {
    const dates = ['2024-03-01', '2023-10-01', '2023-11-15', '2025-05-20', '2024-10-02'];
    expect(countByPeriod(dates, 'half_year')).toEqual([
      { period: '2023-H2', count: 2 },
      { period: '2024-H1', count: 1 },
      { period: '2024-H2', count: 1 },
      { period: '2025-H1', count: 1 },
    ]);
    expect(countByPeriod([], 'year')).toEqual([]);
  });
});
