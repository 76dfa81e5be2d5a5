import { describe, expect, it } from 'vitest';
import { norwayOffsetMs, norwegianWallClock } from './format';

const HOUR = 3_600_000;

/** Norway's offset as the time-zone database (ICU, through Intl) gives it: the reference. */
const zoneFormat = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' });
function offsetByZoneData(time: number): number {
  const part = (type: string) => Number(zoneFormat.formatToParts(time).find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return wall - Math.floor(time / 60_000) * 60_000;
}

describe("Norway's time, reckoned by the EU summer-time rule", () => {
  it('agrees with the time-zone database every eleven hours from 1996 to 2060 (every hour of the day, in turn)', () => {
    const disagreements: string[] = [];
    for (let time = Date.UTC(1996, 0, 1); time < Date.UTC(2060, 0, 1); time += 11 * HOUR) {
      if (norwayOffsetMs(time) !== offsetByZoneData(time)) disagreements.push(new Date(time).toISOString());
    }
    expect(disagreements).toEqual([]);
  });

  it('changes at the very millisecond summer time begins and ends, each year', () => {
    for (let year = 1996; year < 2060; year++) {
      for (const month of [2, 9]) {
        // The hour in which the change falls: find it by the zone data, then check both sides of it.
        let change = Date.UTC(year, month, 25, 1);
        while (offsetByZoneData(change) === offsetByZoneData(change - 1)) change += 24 * HOUR;
        expect(norwayOffsetMs(change - 1), `${year}-${month + 1} before`).toBe(offsetByZoneData(change - 1));
        expect(norwayOffsetMs(change), `${year}-${month + 1} after`).toBe(offsetByZoneData(change));
      }
    }
  });

  it('shows a moment as the clock in Norway reads it', () => {
    expect(norwegianWallClock(Date.parse('2026-03-29T00:59:59Z')).toISOString()).toBe('2026-03-29T01:59:59.000Z');
    expect(norwegianWallClock(Date.parse('2026-03-29T01:00:00Z')).toISOString()).toBe('2026-03-29T03:00:00.000Z');
    expect(norwegianWallClock(Date.parse('2026-10-25T00:59:59Z')).toISOString()).toBe('2026-10-25T02:59:59.000Z');
    expect(norwegianWallClock(Date.parse('2026-10-25T01:00:00Z')).toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });
});
