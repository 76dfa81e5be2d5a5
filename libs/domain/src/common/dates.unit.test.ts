import { describe, expect, it } from 'vitest';
import { todayInNorway } from './dates';

describe('todayInNorway', () => {
  it("gives today's date as it is in Norway, also around midnight, in summer and winter time", () => {
    expect(todayInNorway(new Date('2026-06-30T21:59:59Z'))).toBe('2026-06-30');
    expect(todayInNorway(new Date('2026-06-30T22:00:00Z'))).toBe('2026-07-01');
    expect(todayInNorway(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(todayInNorway(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
});
