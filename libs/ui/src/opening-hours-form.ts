import { fieldErrorsFromIssues, openingHoursInputSchema, weekdays, type FieldError, type OpeningHours, type OpeningHoursInput, type OpeningKind, type Weekday, type WeeklyPeriod } from '@kompetansebro/domain';

// The opening-hours form's values and the API's input: a grid of one staffed and one
// self-service period a day (the weekly timetable, and each season's), single days with their
// staffed hours or closed, and the public-holiday rule. Every period sent remembers the input it
// came from, so a field error the API names ("weekly.3.to") lands beside that input.

export interface DayRow {
  staffedFrom: string;
  staffedTo: string;
  selfServiceFrom: string;
  selfServiceTo: string;
}
export type WeekGrid = Record<Weekday, DayRow>;

/** The grid's inputs of a day, in their order. */
export const gridColumns = ['staffedFrom', 'staffedTo', 'selfServiceFrom', 'selfServiceTo'] as const satisfies readonly (keyof DayRow)[];

export interface SeasonValues {
  key: string;
  name: string;
  from: string;
  to: string;
  grid: WeekGrid;
}

export interface ExceptionValues {
  key: string;
  date: string;
  closed: boolean;
  from: string;
  to: string;
  note: string;
}

export interface OpeningHoursValues {
  weekly: WeekGrid;
  seasons: SeasonValues[];
  exceptions: ExceptionValues[];
  openOnPublicHolidays: boolean;
}

const emptyRow: DayRow = { staffedFrom: '', staffedTo: '', selfServiceFrom: '', selfServiceTo: '' };
const columns = { staffed: ['staffedFrom', 'staffedTo'], self_service: ['selfServiceFrom', 'selfServiceTo'] } as const;

let keys = 0;
export const newKey = () => `k${(keys += 1)}`;

function gridOf(periods: readonly WeeklyPeriod[]): WeekGrid {
  const grid = Object.fromEntries(weekdays.map((weekday) => [weekday, { ...emptyRow }])) as WeekGrid;
  for (const kind of ['staffed', 'self_service'] as const) {
    for (const weekday of weekdays) {
      // The grid holds one period per kind and day: the first (the API keeps any further ones' rules).
      const period = periods.find((candidate) => candidate.weekday === weekday && candidate.kind === kind);
      if (period) grid[weekday] = { ...grid[weekday], [columns[kind][0]]: period.from, [columns[kind][1]]: period.to };
    }
  }
  return grid;
}

export function valuesOf(hours: Pick<OpeningHours, 'weekly' | 'seasons' | 'exceptions' | 'openOnPublicHolidays'>): OpeningHoursValues {
  return {
    weekly: gridOf(hours.weekly),
    seasons: hours.seasons.map((season) => ({ key: newKey(), name: season.name, from: season.from, to: season.to, grid: gridOf(season.weekly) })),
    exceptions: hours.exceptions.map((exception) => {
      const staffed = exception.periods.find((period) => period.kind === 'staffed');
      return { key: newKey(), date: exception.date, closed: exception.periods.length === 0, from: staffed?.from ?? '', to: staffed?.to ?? '', note: exception.note ?? '' };
    }),
    openOnPublicHolidays: hours.openOnPublicHolidays,
  };
}

/** The id of a grid's input: `hours-weekly-mo-staffedFrom`, `hours-season-k3-tu-selfServiceTo`. */
export const gridFieldId = (prefix: string, weekday: Weekday, column: keyof DayRow) => `hours-${prefix}-${weekday}-${column}`;
export const seasonFieldId = (key: string, field: 'name' | 'from' | 'to') => `hours-season-${key}-${field}`;
export const exceptionFieldId = (key: string, field: 'date' | 'from' | 'to' | 'note') => `hours-exception-${key}-${field}`;

/** A grid's periods (a row half filled in is sent as it is, for the API to say what is missing), and which input each path is. */
function periodsOfGrid(grid: WeekGrid, prefix: string, pathPrefix: string, fields: Map<string, string>): WeeklyPeriod[] {
  const periods: WeeklyPeriod[] = [];
  for (const kind of ['staffed', 'self_service'] as OpeningKind[]) {
    const [fromColumn, toColumn] = columns[kind];
    for (const weekday of weekdays) {
      const row = grid[weekday];
      const from = row[fromColumn].trim();
      const to = row[toColumn].trim();
      if (from === '' && to === '') continue;
      const index = periods.length;
      fields.set(`${pathPrefix}.${index}.from`, gridFieldId(prefix, weekday, fromColumn));
      fields.set(`${pathPrefix}.${index}.to`, gridFieldId(prefix, weekday, toColumn));
      fields.set(`${pathPrefix}.${index}.weekday`, gridFieldId(prefix, weekday, fromColumn));
      periods.push({ weekday, kind, from, to });
    }
  }
  return periods;
}

/** The API's input, and the input (its id) each field path of it came from. */
export function inputOf(values: OpeningHoursValues): { input: OpeningHoursInput; fields: Map<string, string> } {
  const fields = new Map<string, string>();
  const input: OpeningHoursInput = {
    weekly: periodsOfGrid(values.weekly, 'weekly', 'weekly', fields),
    seasons: values.seasons.map((season, index) => {
      for (const field of ['name', 'from', 'to'] as const) fields.set(`seasons.${index}.${field}`, seasonFieldId(season.key, field));
      return { name: season.name.trim(), from: season.from, to: season.to, weekly: periodsOfGrid(season.grid, `season-${season.key}`, `seasons.${index}.weekly`, fields) };
    }),
    exceptions: values.exceptions.map((exception, index) => {
      fields.set(`exceptions.${index}.date`, exceptionFieldId(exception.key, 'date'));
      fields.set(`exceptions.${index}.note`, exceptionFieldId(exception.key, 'note'));
      fields.set(`exceptions.${index}.periods.0.from`, exceptionFieldId(exception.key, 'from'));
      fields.set(`exceptions.${index}.periods.0.to`, exceptionFieldId(exception.key, 'to'));
      const note = exception.note.trim();
      return {
        date: exception.date,
        periods: exception.closed ? [] : [{ kind: 'staffed' as const, from: exception.from.trim(), to: exception.to.trim() }],
        ...(note === '' ? {} : { note }),
      };
    }),
    openOnPublicHolidays: values.openOnPublicHolidays,
  };
  return { input, fields };
}

/** The input an API error is about (the form's own id), or undefined for an error about no one input. */
export function fieldIdOfError(error: FieldError, fields: Map<string, string>): string | undefined {
  return fields.get(error.path);
}

/**
 * What is wrong with hours a form is about to send, by the domain's rules as the API checks them:
 * every error at once, on the first save, with the paths the API would name (under `prefix`,
 * e.g. "openingHours" in the survey's answer). None: the API checks them again all the same.
 */
export function openingHoursErrors(input: Pick<OpeningHoursInput, 'weekly'> & Partial<OpeningHoursInput>, prefix?: string): FieldError[] {
  const checked = openingHoursInputSchema.safeParse(input);
  return checked.success ? [] : fieldErrorsFromIssues(checked.error.issues, prefix);
}
