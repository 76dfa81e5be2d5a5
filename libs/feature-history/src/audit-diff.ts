/** One field of an audit entry as the history shows it: its value before and after the change. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

// Bookkeeping that changes with every write; showing it would bury the real changes.
const IGNORED_FIELDS = new Set(['version', 'updatedAt', 'createdAt', 'id', 'searchVector', 'allowedTransitions']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Deep equality of JSON values (the audit log stores JSON, so key order may differ). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameJson(a[key], b[key]));
  }
  return false;
}

/**
 * The fields an entry changed, in the order the record lists them: on an update those whose
 * value differs; on a create (no before) or a delete (no after) those that had a value.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const beforeRecord = isRecord(before) ? before : null;
  const afterRecord = isRecord(after) ? after : null;
  if (!beforeRecord && !afterRecord) return [];
  const keys = [...new Set([...Object.keys(beforeRecord ?? {}), ...Object.keys(afterRecord ?? {})])];
  return keys
    .filter((field) => !IGNORED_FIELDS.has(field))
    .map((field) => ({ field, before: beforeRecord?.[field] ?? null, after: afterRecord?.[field] ?? null }))
    .filter((change) => !sameJson(change.before, change.after) && !(isEmpty(change.before) && isEmpty(change.after)));
}

/** Long values are cut to this many characters in the table. */
export const MAX_VALUE_LENGTH = 120;

/** A text cut at a word near `max` with "…", so a long description does not fill the screen. */
export function shorten(text: string, max = MAX_VALUE_LENGTH): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()} …`;
}
