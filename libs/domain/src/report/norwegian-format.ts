// Norwegian (bokmål) formatting for reports to funders: the report is read in Norwegian whatever
// the reader's interface language, so these do not go through the i18n catalogues.

const months = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'] as const;

/** A no-break space: thousands and "kr" stay on one line. */
const NO_BREAK_SPACE = '\u00a0';

/** "2026-02-03" → "3. februar 2026". */
export function norwegianDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${day}. ${months[(month ?? 1) - 1]} ${year}`;
}

/**
 * "2027-06-30" → "sommeren 2027": how Norwegian letters to funders name a period's ends. Autumn
 * starts in August, with the school and university term ("høsten 2025" from mid-August).
 */
export function norwegianSeason(isoDate: string): string {
  const year = Number(isoDate.slice(0, 4));
  const month = Number(isoDate.slice(5, 7));
  if (month >= 3 && month <= 5) return `våren ${year}`;
  if (month >= 6 && month <= 7) return `sommeren ${year}`;
  if (month >= 8 && month <= 11) return `høsten ${year}`;
  return `vinteren ${year}`;
}

/** 1250000 → "1 250 000 kr" (no-break spaces); øre only when there are any ("320 500,50 kr"). */
export function norwegianKroner(amount: number): string {
  const negative = amount < 0;
  const [whole = '0', fraction] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NO_BREAK_SPACE);
  const text = fraction === '00' ? grouped : `${grouped},${fraction}`;
  return `${negative ? '−' : ''}${text}${NO_BREAK_SPACE}kr`;
}

/** "a", "a og b", "a, b og c". */
export function norwegianList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} og ${items.at(-1)}`;
}
