import i18next, { type i18n } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import type { Catalogue } from './catalogue';
import { defaultLanguage, isLanguage, type Language } from './languages';

const STORAGE_KEY = 'kompetansebro.language';

/** Each language's catalogue (its folder of JSON files) is one chunk, so a user downloads only the language they read. */
const catalogueLoaders: Record<Language, () => Promise<Catalogue>> = {
  nb: () => import('./catalogues/nb').then((module) => module.nb),
  nn: () => import('./catalogues/nn').then((module) => module.nn),
  en: () => import('./catalogues/en').then((module) => module.en),
};

/** The language the user chose last time, if the browser kept it. */
export function readStoredLanguage(): Language | null {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null; // storage blocked (private mode, policy): fall back to the default
  }
}

function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language);
  } catch {
    // Not persisted; the choice still holds for this visit.
  }
}

function applyDocumentLanguage(language: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

async function ensureCatalogue(instance: i18n, language: Language): Promise<void> {
  if (instance.hasResourceBundle(language, 'translation')) return;
  const catalogue = await catalogueLoaders[language]();
  instance.addResourceBundle(language, 'translation', catalogue, true, true);
}

/**
 * Sets up i18next for React in the language the user chose before (or bokmål), loads that
 * language's catalogue, and keeps `<html lang>` in step with it.
 */
export async function initI18n(options: { language?: Language } = {}): Promise<i18n> {
  const language = options.language ?? readStoredLanguage() ?? defaultLanguage;
  const catalogue = await catalogueLoaders[language]();
  if (!i18next.isInitialized) {
    await i18next.use(initReactI18next).init({
      lng: language,
      // Every catalogue is complete (catalogue.ts and its unit test check nn and en against nb), so there is nothing to fall back to.
      fallbackLng: false,
      resources: { [language]: { translation: catalogue } },
      partialBundledLanguages: true,
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
  } else {
    i18next.addResourceBundle(language, 'translation', catalogue, true, true);
    await i18next.changeLanguage(language);
  }
  applyDocumentLanguage(language);
  return i18next;
}

/** Switches language: loads its catalogue if needed, remembers the choice, updates `<html lang>`. */
export async function changeLanguage(language: Language): Promise<void> {
  await ensureCatalogue(i18next, language);
  await i18next.changeLanguage(language);
  storeLanguage(language);
  applyDocumentLanguage(language);
}

/** The current language, as a typed value. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : defaultLanguage;
}

/** The current language in a component (re-renders when it changes). */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return isLanguage(instance.language) ? instance.language : defaultLanguage;
}
