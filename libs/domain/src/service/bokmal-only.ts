/** The languages a page is written in. */
type PageLanguage = 'nb' | 'nn' | 'en';

/** What a library writes of a service itself (its description, a note on its conditions): in bokmål only. */
interface OwnServiceTexts {
  description: string | null;
  conditions?: { note: string | null };
}

const servicesOnlyBokmal: Record<Exclude<PageLanguage, 'nb'>, string> = {
  nn: 'Skildringane av tenestene finst berre på bokmål.',
  en: 'The descriptions of the services exist only in Norwegian (bokmål).',
};

/**
 * What a page in nynorsk or English says once above services a library has written texts for,
 * which exist only in bokmål (the texts themselves are marked `lang="nb"`); null in bokmål, or
 * when there is no such text. The public finder, the students' brochure (page and PDF) and the
 * library's student preview say it alike.
 */
export function servicesOnlyBokmalNotice(language: PageLanguage, services: readonly OwnServiceTexts[]): string | null {
  if (language === 'nb') return null;
  return services.some((service) => service.description || service.conditions?.note) ? servicesOnlyBokmal[language] : null;
}
