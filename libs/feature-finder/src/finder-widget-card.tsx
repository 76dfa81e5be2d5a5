import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLanguage, isLanguage, languageAutonyms, languages, type Language } from '@kompetansebro/i18n';
import { Section, Select } from '@kompetansebro/ui';

/** The code a municipality pastes into its website: the finder's widget for one library (its id or slug), in bokmål unless `lang` says otherwise. */
export function finderWidgetCode(origin: string, library: string, lang: Language = defaultLanguage): string {
  return `<script src="${origin}/finn/widget.js" data-library="${library}"${lang === defaultLanguage ? '' : ` data-lang="${lang}"`} async></script>`;
}

interface FinderWidgetCardProps {
  libraryId: string;
  /** Where the finder is served; this site by default. */
  origin?: string;
}

/**
 * A library's widget for its municipality's website, as the library portal shows it: the code to
 * copy, a button that copies it, and the library's public page in the finder.
 */
export function FinderWidgetCard({ libraryId, origin = window.location.origin }: FinderWidgetCardProps) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  // The municipality's website's language, not the editor's: bokmål unless chosen.
  const [lang, setLang] = useState<Language>(defaultLanguage);
  const fieldId = useId();
  const code = finderWidgetCode(origin, libraryId, lang);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(code);
      setCopied('yes');
    } catch {
      setCopied('no'); // no clipboard permission: the reader selects the text instead
    }
  };
  return (
    <Section id={`${fieldId}-heading`} title={t('finder.library.widgetHeading')} intro={t('finder.library.widgetHelp')} className="kb-stack">
      <div className="kb-cluster">
        <Select
          label={t('finder.widget.language')}
          options={languages.map((value) => ({ value, label: languageAutonyms[value] }))}
          value={lang}
          onChange={(event) => {
            if (isLanguage(event.target.value)) setLang(event.target.value);
            setCopied(null);
          }}
        />
      </div>
      <div className="ds-field">
        <label className="ds-label" htmlFor={fieldId}>
          {t('finder.library.widgetCode')}
        </label>
        <textarea className="ds-input" id={fieldId} readOnly rows={3} value={code} onFocus={(event) => event.currentTarget.select()} />
      </div>
      <p className="ds-paragraph">
        <button type="button" className="ds-button" data-variant="secondary" onClick={() => void copy()}>
          {t('finder.widget.copy')}
        </button>{' '}
        <span role="status">{copied === 'yes' ? t('finder.widget.copied') : copied === 'no' ? t('finder.widget.copyFailed') : ''}</span>
      </p>
      <p className="ds-paragraph">
        <a className="ds-link" href={`${origin}/finn/bibliotek/${libraryId}${lang === defaultLanguage ? '' : `?lang=${lang}`}`}>
          {t('finder.widget.publicPage')}
        </a>
      </p>
    </Section>
  );
}
