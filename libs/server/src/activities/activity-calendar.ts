import ical, { ICalCalendarMethod, type ICalCalendar } from 'ical-generator';
import type { ActivitySummary } from '@kompetansebro/domain';

/** Activities happen in Norway: their dates and times are wall-clock times there. */
export const ACTIVITY_TIME_ZONE = 'Europe/Oslo';

/** What an event is made of: an activity's times, place, link and texts. */
export type CalendarActivity = Pick<
  ActivitySummary,
  'id' | 'version' | 'title' | 'description' | 'startDate' | 'endDate' | 'startTime' | 'endTime' | 'place' | 'onlineUrl' | 'updatedAt'
>;

/**
 * A date ("2026-02-03") and a time ("10:00") as a Date whose local fields are that wall-clock
 * time: ical-generator writes those fields beside TZID=Europe/Oslo, whatever the server's zone.
 */
function wallClock(date: string, time = '00:00'): Date {
  const [year, month, day] = date.split('-').map(Number);
  const [hours, minutes] = time.split(':').map(Number);
  return new Date(year ?? 1970, (month ?? 1) - 1, day ?? 1, hours ?? 0, minutes ?? 0);
}

function nextDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() + 1);
}

function newCalendar(name: string): ICalCalendar {
  return ical({ name, prodId: { company: 'Kompetansebro', product: 'aktiviteter', language: 'NB' }, method: ICalCalendarMethod.PUBLISH });
}

/**
 * The activity as an event: timed in Europe/Oslo when it has a start time (an hour long when no
 * end is given), otherwise whole days (DTEND the day after the last). LOCATION is the place, URL
 * the link to join online. Its UID is the activity's id and its SEQUENCE its version, so a calendar
 * that has it replaces it when it changes.
 */
function addEvent(calendar: ICalCalendar, activity: CalendarActivity): void {
  const lastDate = activity.endDate ?? activity.startDate;
  const timed = activity.startTime !== null;
  const start = wallClock(activity.startDate, activity.startTime ?? undefined);
  const end = timed
    ? activity.endTime !== null
      ? wallClock(lastDate, activity.endTime)
      : new Date(start.getFullYear(), start.getMonth(), start.getDate(), start.getHours() + 1, start.getMinutes())
    : nextDay(wallClock(lastDate));
  const description = [activity.description, activity.onlineUrl ? `Delta på nett: ${activity.onlineUrl}` : null]
    .filter((part): part is string => part !== null && part !== '')
    .join('\n\n');
  calendar.createEvent({
    id: `${activity.id}@kompetansebro`,
    sequence: activity.version,
    start,
    end,
    allDay: !timed,
    timezone: timed ? ACTIVITY_TIME_ZONE : null,
    summary: activity.title,
    description,
    location: activity.place,
    url: activity.onlineUrl,
    stamp: new Date(activity.updatedAt),
  });
}

/** The activity as an iCalendar file (RFC 5545) with one event. */
export function activityCalendar(activity: CalendarActivity): string {
  const calendar = newCalendar(activity.title);
  addEvent(calendar, activity);
  return calendar.toString();
}

/**
 * An organisation's calendar feed (RFC 5545, subscribed to by a calendar app): one event per
 * activity, named `name`; calendar apps are asked to look again every hour.
 */
export function activitiesCalendar(name: string, activities: readonly CalendarActivity[]): string {
  const calendar = newCalendar(name);
  calendar.ttl(60 * 60);
  for (const activity of activities) addEvent(calendar, activity);
  return calendar.toString();
}
