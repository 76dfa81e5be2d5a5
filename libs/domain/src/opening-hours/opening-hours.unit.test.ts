import Holidays from 'date-holidays';
import OpeningHoursParser from 'opening_hours';
import { describe, expect, it } from 'vitest';
import { toOsm } from './opening-hours-osm';
import {
  hasOpeningHours,
  hoursOfWeek,
  nextOpening,
  offersSelfService,
  ordinaryWeekHours,
  osloInstant,
  periodsOn,
  serviceWeeklyHours,
  stateAt,
  weekDifferences,
  weekHasTimetable,
  weeklyHoursFollowOpeningHours,
  type HolidayCalendar,
} from './opening-hours.rules';
import { weekdays } from './opening-hours-basics';
import { openingHoursInputSchema, type OpeningHoursInput, type WeeklyPeriod } from './opening-hours.schema';

const norway = new Holidays('NO');
const holidays: HolidayCalendar = (date) => (norway.isHoliday(new Date(`${date}T12:00:00Z`)) || []).find((holiday) => holiday.type === 'public')?.name ?? null;

const every = (days: readonly (typeof weekdays)[number][], kind: WeeklyPeriod['kind'], from: string, to: string): WeeklyPeriod[] => days.map((weekday) => ({ weekday, kind, from, to }));
const workdays = ['mo', 'tu', 'we', 'th', 'fr'] as const;

/** Namsos: staffed 10–16 on workdays, self-service 07–22 every day; summer hours 10–14. */
const namsos: OpeningHoursInput = openingHoursInputSchema.parse({
  weekly: [...every(workdays, 'staffed', '10:00', '16:00'), ...every(weekdays, 'self_service', '07:00', '22:00')],
  seasons: [{ name: 'Sommertid', from: '2026-06-22', to: '2026-08-09', weekly: [...every(workdays, 'staffed', '10:00', '14:00'), ...every(weekdays, 'self_service', '07:00', '22:00')] }],
  exceptions: [{ date: '2026-12-24', periods: [{ kind: 'staffed', from: '10:00', to: '13:00' }], note: 'Julaften' }],
});

const at = (iso: string) => new Date(iso);

describe('opening hours in Norwegian time', () => {
  it('is staffed inside staffed hours and self-service after them, closed at night', () => {
    // Tuesday 2026-03-10, winter time (UTC+1).
    expect(stateAt(namsos, at('2026-03-10T11:00:00+01:00'), holidays)).toBe('staffed');
    expect(stateAt(namsos, at('2026-03-10T17:30:00+01:00'), holidays)).toBe('self_service');
    expect(stateAt(namsos, at('2026-03-10T22:00:00+01:00'), holidays)).toBe('closed');
    expect(stateAt(namsos, at('2026-03-10T06:59:00+01:00'), holidays)).toBe('closed');
  });

  it('keeps wall-clock hours across the summer-time weekend (last Sunday of March)', () => {
    // Saturday 28 March is UTC+1, Monday 30 March UTC+2: 10:00 is 09:00Z, then 08:00Z.
    expect(osloInstant('2026-03-28', 600).toISOString()).toBe('2026-03-28T09:00:00.000Z');
    expect(osloInstant('2026-03-30', 600).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(stateAt(namsos, at('2026-03-30T08:30:00Z'), holidays)).toBe('staffed');
    expect(stateAt(namsos, at('2026-03-30T07:30:00Z'), holidays)).toBe('self_service');
    // Self-service 07–22 on the Sunday the clocks go forward lasts 15 real hours, as every day.
    const week = hoursOfWeek(namsos, '2026-03-23', holidays);
    expect(week.selfServiceHours).toBe(7 * 15 - 5 * 6);
    // From Saturday night, the next opening is Sunday 07:00 summer time (05:00Z).
    expect(nextOpening(namsos, at('2026-03-28T23:00:00+01:00'), holidays)?.toISOString()).toBe('2026-03-29T05:00:00.000Z');
  });

  it('keeps wall-clock hours across the winter-time weekend (last Sunday of October)', () => {
    expect(osloInstant('2026-10-24', 420).toISOString()).toBe('2026-10-24T05:00:00.000Z');
    expect(osloInstant('2026-10-25', 420).toISOString()).toBe('2026-10-25T06:00:00.000Z');
    expect(stateAt(namsos, at('2026-10-25T05:30:00Z'), holidays)).toBe('closed');
    expect(stateAt(namsos, at('2026-10-25T06:30:00Z'), holidays)).toBe('self_service');
  });

  it('closes on a public holiday that falls on a staffed day, unless the library opens on them', () => {
    // Ascension Day, Thursday 14 May 2026.
    expect(periodsOn(namsos, '2026-05-14', holidays)).toEqual({ periods: [], reason: 'Kristi himmelfartsdag' });
    expect(stateAt(namsos, at('2026-05-14T12:00:00+02:00'), holidays)).toBe('closed');
    expect(nextOpening(namsos, at('2026-05-14T12:00:00+02:00'), holidays)?.toISOString()).toBe('2026-05-15T05:00:00.000Z');
    const open = { ...namsos, openOnPublicHolidays: true };
    expect(stateAt(open, at('2026-05-14T12:00:00+02:00'), holidays)).toBe('staffed');
    const week = hoursOfWeek(namsos, '2026-05-11', holidays);
    expect(week.staffedHours).toBe(4 * 6);
    expect(week.days[3]?.reason).toBe('Kristi himmelfartsdag');
  });

  it('gives the hours a week of the ordinary timetable, self-service counted outside staffed hours', () => {
    expect(ordinaryWeekHours(namsos)).toEqual({ staffedHours: 30, selfServiceHours: 75 });
  });

  it('takes a service’s hours a week from the timetable where one is entered, else from what was stored', () => {
    expect(serviceWeeklyHours('staffed_hours', 17, namsos)).toBe(30);
    expect(serviceWeeklyHours('self_service_hours', 54, namsos)).toBe(75);
    // No self-service in the timetable: the "Meråpent" figure is 0, not a number the timetable contradicts.
    expect(serviceWeeklyHours('self_service_hours', 54, openingHoursInputSchema.parse({ weekly: every(['tu', 'th'], 'staffed', '12:00', '18:00') }))).toBe(0);
    expect(serviceWeeklyHours('staffed_hours', 17, null)).toBe(17);
    expect(serviceWeeklyHours('staffed_hours', 17, openingHoursInputSchema.parse({ weekly: [] }))).toBe(17);
    expect(serviceWeeklyHours('study_places', null, namsos)).toBeNull();
  });

  it('knows the hours a week follow the timetable only for staffed and self-service hours of a library with a weekly timetable', () => {
    expect(weeklyHoursFollowOpeningHours('staffed_hours', namsos)).toBe(true);
    expect(weeklyHoursFollowOpeningHours('self_service_hours', namsos)).toBe(true);
    expect(weeklyHoursFollowOpeningHours('study_places', namsos)).toBe(false);
    expect(weeklyHoursFollowOpeningHours('staffed_hours', null)).toBe(false);
    // A season or a single day alone is no weekly timetable: the figure entered stands.
    const seasonOnly = openingHoursInputSchema.parse({ weekly: [], seasons: namsos.seasons, exceptions: namsos.exceptions });
    expect(weeklyHoursFollowOpeningHours('staffed_hours', seasonOnly)).toBe(false);
    expect(serviceWeeklyHours('staffed_hours', 17, seasonOnly)).toBe(17);
  });

  it('knows hours are entered only when a timetable or a season is, not from single days alone', () => {
    expect(hasOpeningHours(openingHoursInputSchema.parse({ weekly: [] }))).toBe(false);
    expect(hasOpeningHours(namsos)).toBe(true);
    expect(hasOpeningHours(openingHoursInputSchema.parse({ weekly: [], seasons: namsos.seasons }))).toBe(true);
    expect(hasOpeningHours(openingHoursInputSchema.parse({ weekly: [], exceptions: [{ date: '2026-12-24', periods: [], note: 'Stengt' }] }))).toBe(false);
  });

  it('offers self-service only with a self-service period in the weekly timetable, a season not ended or a single day not past', () => {
    const staffed = { kind: 'staffed', from: '10:00', to: '16:00' } as const;
    const selfService = { kind: 'self_service', from: '07:00', to: '22:00' } as const;
    const today = '2026-08-15';
    expect(offersSelfService(openingHoursInputSchema.parse({ weekly: [{ weekday: 'mo', ...staffed }] }), today)).toBe(false);
    expect(offersSelfService(openingHoursInputSchema.parse({ weekly: [{ weekday: 'mo', ...staffed }, { weekday: 'tu', ...selfService }] }), today)).toBe(true);
    const summer = openingHoursInputSchema.parse({ weekly: [], seasons: [{ name: 'Sommer', from: '2026-06-20', to: '2026-08-15', weekly: [{ weekday: 'mo', ...selfService }] }] });
    expect(offersSelfService(summer, today)).toBe(true);
    expect(offersSelfService(summer, '2026-08-16')).toBe(false);
    const oneDay = openingHoursInputSchema.parse({ weekly: [{ weekday: 'mo', ...staffed }], exceptions: [{ date: '2026-12-27', periods: [selfService] }] });
    expect(offersSelfService(oneDay, '2026-12-27')).toBe(true);
    expect(offersSelfService(oneDay, '2026-12-28')).toBe(false);
  });

  it('shows a week day by day only with a weekly timetable or a season in the week, never from a lone single day', () => {
    const loneDay = openingHoursInputSchema.parse({ weekly: [], exceptions: [{ date: '2026-12-24', periods: [], note: 'Stengt' }] });
    expect(weekHasTimetable(loneDay, hoursOfWeek(loneDay, '2026-12-24', holidays))).toBe(false);
    expect(weekHasTimetable(namsos, hoursOfWeek(namsos, '2026-12-24', holidays))).toBe(true);
    const seasonOnly = openingHoursInputSchema.parse({ weekly: [], seasons: namsos.seasons });
    expect(weekHasTimetable(seasonOnly, hoursOfWeek(seasonOnly, '2026-07-01', holidays))).toBe(true);
    expect(weekHasTimetable(seasonOnly, hoursOfWeek(seasonOnly, '2026-03-10', holidays))).toBe(false);
  });

  it('lists as different only the days whose hours differ from the weekly timetable, a whole-week season once', () => {
    const staffedWorkdays = openingHoursInputSchema.parse({ weekly: every(workdays, 'staffed', '10:00', '16:00'), seasons: namsos.seasons });
    // Whit Sunday (24 May 2026) falls on a day that is closed anyway: no difference.
    const whitsun = weekDifferences(staffedWorkdays, hoursOfWeek(staffedWorkdays, '2026-05-20', holidays));
    expect(whitsun).toEqual({ season: null, days: [] });
    // Ascension Day (Thursday 14 May) closes a staffed day: that day, and only it.
    expect(weekDifferences(staffedWorkdays, hoursOfWeek(staffedWorkdays, '2026-05-11', holidays)).days.map((day) => day.date)).toEqual(['2026-05-14']);
    // A season over the whole week is one mention, not seven days.
    const summer = weekDifferences(staffedWorkdays, hoursOfWeek(staffedWorkdays, '2026-07-01', holidays));
    expect(summer.season?.name).toBe('Sommertid');
    expect(summer.days).toEqual([]);
  });

  it('uses the season between its dates and an exception on its day', () => {
    expect(periodsOn(namsos, '2026-07-01', holidays).reason).toBe('Sommertid');
    expect(stateAt(namsos, at('2026-07-01T15:00:00+02:00'), holidays)).toBe('self_service');
    expect(hoursOfWeek(namsos, '2026-07-01', holidays).staffedHours).toBe(5 * 4);
    expect(periodsOn(namsos, '2026-12-24', holidays)).toEqual({ periods: [{ kind: 'staffed', from: '10:00', to: '13:00' }], reason: 'Julaften' });
  });

  it('finds the next opening of a branch closed all summer in August', () => {
    const branch = openingHoursInputSchema.parse({
      weekly: every(['tu', 'th'], 'staffed', '12:00', '18:00'),
      seasons: [{ name: 'Stengt i sommer', from: '2026-06-15', to: '2026-08-16', weekly: [] }],
    });
    expect(stateAt(branch, at('2026-07-02T13:00:00+02:00'), holidays)).toBe('closed');
    expect(hoursOfWeek(branch, '2026-07-02', holidays).staffedHours).toBe(0);
    // Monday 17 August is the first day after; Tuesday 18 August 12:00 the first opening.
    expect(nextOpening(branch, at('2026-06-20T10:00:00+02:00'), holidays)?.toISOString()).toBe('2026-08-18T10:00:00.000Z');
  });
});

describe('the input rules', () => {
  const problems = (input: unknown) => {
    const result = openingHoursInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('names the field of an end before the start, an overlap, a time outside the day and an unknown weekday', () => {
    expect(problems({ weekly: [{ weekday: 'mo', kind: 'staffed', from: '16:00', to: '10:00' }] })).toEqual(['weekly.0.to']);
    expect(
      problems({
        weekly: [
          { weekday: 'mo', kind: 'staffed', from: '10:00', to: '16:00' },
          { weekday: 'mo', kind: 'staffed', from: '15:00', to: '18:00' },
        ],
      }),
    ).toEqual(['weekly.1.from']);
    expect(problems({ weekly: [{ weekday: 'mo', kind: 'staffed', from: '10:00', to: '24:30' }] })).toEqual(['weekly.0.to']);
    expect(problems({ weekly: [{ weekday: 'xx', kind: 'staffed', from: '10:00', to: '16:00' }] })).toEqual(['weekly.0.weekday']);
    // Only "from" filled in: the empty "to" is no time, and that one error is all it gets.
    expect(problems({ weekly: [{ weekday: 'mo', kind: 'staffed', from: '10:00', to: '' }] })).toEqual(['weekly.0.to']);
    expect(problems({ weekly: [], seasons: [{ name: 'Sommer', from: '2026-08-01', to: '2026-06-01', weekly: [] }] })).toEqual(['seasons.0.to']);
  });

  it('lets self-service overlap staffed hours (staffed wins) and allows a period to 24:00', () => {
    expect(problems({ weekly: [...every(['mo'], 'staffed', '10:00', '16:00'), ...every(['mo'], 'self_service', '07:00', '24:00')] })).toEqual([]);
  });
});

describe('OpenStreetMap syntax', () => {
  it('writes days with the same times as one rule, three or more in a row as a range', () => {
    const hours = openingHoursInputSchema.parse({
      weekly: [...every(['mo', 'tu', 'we', 'fr'], 'staffed', '10:00', '16:00'), ...every(['th'], 'staffed', '12:00', '19:00'), ...every(['sa'], 'staffed', '10:00', '16:00')],
      openOnPublicHolidays: true,
    });
    expect(toOsm(hours)).toEqual({ openingHours: 'Mo-We,Fr,Sa 10:00-16:00; Th 12:00-19:00', selfService: '' });
  });

  it('exports staffed and self-service hours as two strings the opening_hours package reads the same way', () => {
    const osm = toOsm(namsos);
    expect(osm.openingHours).toBe(
      'Mo-Fr 10:00-16:00; 2026 Jun 22-2026 Aug 9 off; 2026 Jun 22-2026 Aug 9 Mo-Fr 10:00-14:00; PH off; 2026 Dec 24 10:00-13:00',
    );
    expect(osm.selfService).toBe('Mo-Su 07:00-22:00; 2026 Jun 22-2026 Aug 9 off; 2026 Jun 22-2026 Aug 9 Mo-Su 07:00-22:00; PH off; 2026 Dec 24 off');
    const staffed = new OpeningHoursParser(osm.openingHours, { lat: 64.47, lon: 11.5, address: { country_code: 'no', state: '' } });
    // The package works in the process's local time; compare wall-clock hours of each day.
    for (const date of ['2026-03-10', '2026-05-14', '2026-07-01', '2026-12-24']) {
      const start = new Date(`${date}T00:00:00`);
      const intervals = staffed.getOpenIntervals(start, new Date(start.getTime() + 86_400_000));
      const clock = (d: Date) => `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
      expect(intervals.map(([from, to]) => `${clock(from)}-${clock(to)}`)).toEqual(
        periodsOn(namsos, date, holidays).periods.filter((period) => period.kind === 'staffed').map((period) => `${period.from}-${period.to}`),
      );
    }
  });
});
