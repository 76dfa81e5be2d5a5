import type { TFunction } from 'i18next';
import { intlLocale, type Language } from '@kompetansebro/i18n';

/** "2023-H2" → "Høst 2023", "2024-H1" → "Vår 2024", "2024-03" → "mars 2024", "2024" → "2024". */
export function periodLabel(t: TFunction, period: string, language: Language): string {
  const half = /^(\d{4})-H([12])$/.exec(period);
  if (half) return t(half[2] === '1' ? 'activities.counts.spring' : 'activities.counts.autumn', { year: half[1] });
  if (/^\d{4}-\d{2}$/.test(period)) {
    return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${period}-01T00:00:00Z`));
  }
  return period;
}
