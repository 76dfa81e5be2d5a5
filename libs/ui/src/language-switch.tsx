import { changeLanguage, languageAutonyms, languages, useLanguage } from '@kompetansebro/i18n';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Bokmål, nynorsk, English: each named in itself and marked with its own `lang`, the current
 * one pressed. The choice is remembered and sets `<html lang>` (see @kompetansebro/i18n).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  const [announcement, setAnnouncement] = useState('');

  const choose = async (language: (typeof languages)[number]) => {
    if (language === current) return;
    await changeLanguage(language);
    setAnnouncement(t('shell.language.changed', { lng: language }));
  };

  return (
    <fieldset className="kb-language-switch">
      <legend>{t('shell.language.label')}</legend>
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="ds-button"
          data-variant={language === current ? 'secondary' : 'tertiary'}
          data-size="sm"
          lang={language}
          aria-pressed={language === current}
          onClick={() => void choose(language)}
        >
          {languageAutonyms[language]}
        </button>
      ))}
      <span className="ds-sr-only" role="status">
        {announcement}
      </span>
    </fieldset>
  );
}
