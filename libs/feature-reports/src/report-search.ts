/**
 * The report screen's state in the URL (`?tiltak=<id>&fra=2024-01-01&til=2024-12-31`), so a
 * link — from an initiative's page, say — opens the same report. The router's plain parse,
 * which never throws: an id or date that does not parse is left out.
 */
export interface ReportSearch {
  tiltak?: string;
  fra?: string;
  til?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar day ("2026-02-30" is not). */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function parseReportSearch(search: Record<string, unknown>): ReportSearch {
  const result: ReportSearch = {};
  const text = (key: string) => (typeof search[key] === 'string' ? (search[key] as string).trim() : undefined);
  const tiltak = text('tiltak');
  if (tiltak && UUID.test(tiltak)) result.tiltak = tiltak.toLowerCase();
  const fra = text('fra');
  if (fra && isCalendarDate(fra)) result.fra = fra;
  const til = text('til');
  if (til && isCalendarDate(til)) result.til = til;
  return result;
}
