import { describe, expect, it } from 'vitest';
import { activityHasEnded, activityRuleViolations, activitySignUpCancellable, activityTakesSignUps, countByPeriod, hasLoneSurrogate, periodAfter, periodOf, storableText, sumByPeriod, totalHeadCount } from './activity.schema';

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

  it('counts the periods between with none as 0, so the series has no gaps', () => {
    expect(countByPeriod(['2026-03-01', '2027-02-10', '2027-03-01'], 'half_year')).toEqual([
      { period: '2026-H1', count: 1 },
      { period: '2026-H2', count: 0 },
      { period: '2027-H1', count: 2 },
    ]);
    expect(countByPeriod(['2025-11-03', '2026-02-01'], 'month').map(({ period, count }) => `${period}:${count}`)).toEqual(['2025-11:1', '2025-12:0', '2026-01:0', '2026-02:1']);
    expect(countByPeriod(['2023-05-01', '2025-05-01'], 'year')).toEqual([
      { period: '2023', count: 1 },
      { period: '2024', count: 0 },
      { period: '2025', count: 1 },
    ]);
  });

  it('runs the series over the dates asked for, with 0 where they reach beyond the activities', () => {
    const days = [{ date: '2024-03-14', count: 2 }];
    expect(sumByPeriod(days, 'half_year', { from: '2023-07-01', to: '2025-06-30' })).toEqual([
      { period: '2023-H2', count: 0 },
      { period: '2024-H1', count: 2 },
      { period: '2024-H2', count: 0 },
      { period: '2025-H1', count: 0 },
    ]);
    expect(sumByPeriod(days, 'year', { from: '2024-01-01' })).toEqual([{ period: '2024', count: 2 }]);
    // Nothing found is no series of zeros.
    expect(sumByPeriod([], 'half_year', { from: '2023-07-01', to: '2025-06-30' })).toEqual([]);
  });

  it('steps from a period to the next across the turn of the year', () => {
    expect(periodAfter('2023-12', 'month')).toBe('2024-01');
    expect(periodAfter('2023-09', 'month')).toBe('2023-10');
    expect(periodAfter('2023-H1', 'half_year')).toBe('2023-H2');
    expect(periodAfter('2023-H2', 'half_year')).toBe('2024-H1');
    expect(periodAfter('2023', 'year')).toBe('2024');
  });
});

describe('activityHasEnded', () => {
  it('has ended once its last day is behind today, not while it runs', () => {
    expect(activityHasEnded({ startDate: '2026-12-01', endDate: null }, '2026-12-06')).toBe(true);
    expect(activityHasEnded({ startDate: '2026-12-06', endDate: null }, '2026-12-06')).toBe(false);
    // A course that started last week and ends next week is still running.
    expect(activityHasEnded({ startDate: '2026-11-30', endDate: '2026-12-11' }, '2026-12-06')).toBe(false);
    expect(activityHasEnded({ startDate: '2026-11-30', endDate: '2026-12-05' }, '2026-12-06')).toBe(true);
  });
});

describe('signing up and cancelling', () => {
  const course = { startDate: '2026-11-30', endDate: '2026-12-11' };
  it('takes sign-ups until the activity has ended, cancellations only before its start date', () => {
    expect(activityTakesSignUps(course, '2026-11-29')).toBe(true);
    expect(activityTakesSignUps(course, '2026-12-06')).toBe(true);
    expect(activityTakesSignUps(course, '2026-12-12')).toBe(false);
    expect(activitySignUpCancellable(course, '2026-11-29')).toBe(true);
    expect(activitySignUpCancellable(course, '2026-11-30')).toBe(false);
    expect(activitySignUpCancellable(course, '2026-12-06')).toBe(false);
  });
});

describe('activity rules', () => {
  const NAMSOS = '00000000-0000-4000-8000-000000000001';
  const STEINKJER = '00000000-0000-4000-8000-000000000002';

  it('accepts a one-day activity and a period that runs forward', () => {
    expect(activityRuleViolations({ startDate: '2026-02-03', endDate: null, participants: [] })).toEqual([]);
    expect(activityRuleViolations({ startDate: '2025-08-15', endDate: '2025-11-30', participants: [] })).toEqual([]);
    expect(activityRuleViolations({ startDate: '2025-08-15', endDate: '2025-08-15', participants: [] })).toEqual([]);
  });

  it('refuses a period that ends before it starts', () => {
    expect(activityRuleViolations({ startDate: '2025-08-15', endDate: '2025-08-14', participants: [] })).toEqual([
      expect.objectContaining({ path: 'endDate', code: 'end_before_start' }),
    ]);
  });

  it('refuses a date before 2000 or more than ten years after today (a mistyped year), naming the field', () => {
    const today = '2026-12-06';
    const check = (startDate: string, endDate: string | null) =>
      activityRuleViolations({ startDate, endDate, participants: [] }, today).map((error) => `${error.path}:${error.code}`);
    expect(check('2000-01-01', '2036-12-06')).toEqual([]);
    expect(check('1926-03-05', null)).toEqual(['startDate:date_too_early']);
    expect(check('1999-12-31', '2026-03-05')).toEqual(['startDate:date_too_early']);
    expect(check('2026-03-05', '2036-12-07')).toEqual(['endDate:date_too_far_ahead']);
    expect(check('2062-03-05', null)).toEqual(['startDate:date_too_far_ahead']);
    // A period typed 2026 to 1926: the end's year is the mistake, and it also ends before it starts.
    expect(check('2026-03-05', '1926-03-06')).toEqual(['endDate:date_too_early', 'endDate:end_before_start']);
  });

  it('names the second listing of an actor', () => {
    const participants = [{ actorId: NAMSOS }, { actorId: STEINKJER }, { actorId: NAMSOS }];
    expect(activityRuleViolations({ startDate: '2026-02-03', endDate: null, participants })).toEqual([
      expect.objectContaining({ path: 'participants.2.actorId', code: 'duplicate' }),
    ]);
  });

  it('sums the known head counts, null when none is known', () => {
    expect(totalHeadCount([{ headCount: 3 }, { headCount: null }, { headCount: 5 }])).toBe(8);
    expect(totalHeadCount([{ headCount: null }])).toBeNull();
    expect(totalHeadCount([])).toBeNull();
  });
});

describe('storable text', () => {
  it('finds lone surrogates, which jsonb refuses, and lets whole characters pass', () => {
    expect(hasLoneSurrogate('Fjernlån på tvers 📚')).toBe(false);
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('\udc00')).toBe(true);
    expect(hasLoneSurrogate('x\ud83d')).toBe(true);
  });

  it('trims, refuses control characters and lone surrogates, each with its own code', () => {
    expect(storableText(1, 10).parse('  Møte  ')).toBe('Møte');
    const nul = storableText(1, 10).safeParse('a\u0000');
    expect(nul.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'control_characters' } });
    const surrogate = storableText(1, 10).safeParse('a\ud800');
    expect(surrogate.error?.issues[0]).toMatchObject({ code: 'custom', params: { code: 'lone_surrogate' } });
  });
});

describe('activity times', () => {
  const day = { startDate: '2026-02-03', endDate: null, participants: [] };
  const paths = (times: { startTime?: string | null; endTime?: string | null; endDate?: string | null }) =>
    activityRuleViolations({ ...day, ...times }).map((error) => `${error.path}:${error.code}`);

  it('needs the end after the start on one day, and a start time when an end time is given', () => {
    expect(paths({ startTime: '10:00', endTime: '11:30' })).toEqual([]);
    expect(paths({ startTime: '10:00', endTime: '10:00' })).toEqual(['endTime:end_time_before_start']);
    expect(paths({ startTime: '10:00', endTime: '09:00' })).toEqual(['endTime:end_time_before_start']);
    expect(paths({ endTime: '09:00' })).toEqual(['startTime:end_time_without_start']);
  });

  it('lets a period over several days end earlier in the day than it started', () => {
    expect(paths({ endDate: '2026-02-04', startTime: '13:00', endTime: '09:00' })).toEqual([]);
  });
});
