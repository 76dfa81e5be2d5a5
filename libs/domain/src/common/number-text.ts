/**
 * A number as people type it in Norway, and as the apps print it: "1 200", "1 200,5",
 * "1 200,5" (the no-break space Intl puts between thousands), "1200.5", "37,5 t". Returns null
 * when the text is not such a number (or breaks the options); "" gives null too — the caller
 * decides whether an empty field is allowed.
 *
 * - Thousands: groups of three digits after a space of any kind (space, no-break, narrow
 *   no-break, thin); "12 00" is no number.
 * - Decimals: after a comma or a point; `decimals` caps how many (0: whole numbers only).
 * - A trailing unit the field names anyway ("kr", "t", "timer", "%") is ignored with `unit`.
 */
export interface NumberTextOptions {
  /** Most digits after the comma; 0 for whole numbers. Default: any. */
  decimals?: number;
  /** Whether a minus sign is allowed. Default false. */
  negative?: boolean;
  /** Unit words that may follow the number ("kr"). */
  units?: readonly string[];
}

const SPACES = /[\s\u00a0\u202f\u2009]+/g;

export function parseNumberText(text: string, { decimals, negative = false, units = [] }: NumberTextOptions = {}): number | null {
  let value = text.trim().replace(/^\u2212/, '-');
  for (const unit of units) {
    if (value.toLowerCase().endsWith(unit.toLowerCase())) {
      value = value.slice(0, value.length - unit.length).trim();
      break;
    }
  }
  const match = /^(-?)(\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+|\d+)(?:[,.](\d+))?$/.exec(value);
  if (!match) return null;
  const [, sign = '', whole = '', fraction] = match;
  if (sign && !negative) return null;
  if (fraction !== undefined && decimals !== undefined && fraction.length > decimals) return null;
  const number = Number(`${sign}${whole.replace(SPACES, '')}${fraction === undefined ? '' : `.${fraction}`}`);
  return Number.isFinite(number) ? number : null;
}

/** A whole number as typed ("1 200"), or null. */
export function parseWholeNumberText(text: string, options: Omit<NumberTextOptions, 'decimals'> = {}): number | null {
  return parseNumberText(text, { ...options, decimals: 0 });
}
