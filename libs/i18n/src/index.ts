export type { Catalogue } from './catalogue';
export { defaultLanguage, intlLocale, isLanguage, languageAutonyms, languages, type Language } from './languages';
export { changeLanguage, currentLanguage, initI18n, readStoredLanguage, useLanguage } from './i18n';
export { formatAmount, formatDate, formatDateLong, formatDateTime, formatNumber, formatOpeningMoment, norwegianWallClock, type MomentWords } from './format';
export { fillIn, finderTexts, type FinderTexts } from './finder-texts';
