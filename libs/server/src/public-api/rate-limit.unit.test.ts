import { describe, expect, it } from 'vitest';
import { fixedWindowCounter } from './rate-limit';

describe('the open data rate limit', () => {
  it('lets a client make `limit` requests a window, then refuses until the window ends; each client counts alone', () => {
    let now = 1_000;
    const count = fixedWindowCounter(3, 60_000, () => now);
    expect([1, 2, 3].map(() => count('10.0.0.1').allowed)).toEqual([true, true, true]);
    const refused = count('10.0.0.1');
    expect(refused).toEqual({ allowed: false, remaining: 0, resetMs: 60_000 });
    expect(count('10.0.0.2').allowed).toBe(true);
    now += 59_999;
    expect(count('10.0.0.1').allowed).toBe(false);
    now += 1;
    expect(count('10.0.0.1')).toEqual({ allowed: true, remaining: 2, resetMs: 60_000 });
  });
});
