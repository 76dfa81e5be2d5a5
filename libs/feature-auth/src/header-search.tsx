import { useCan } from '@kompetansebro/api-client';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SEARCH_PATH } from './account/account-paths';

/** Results while typing: their own chunk, loaded on the field's first focus. */
const HeaderSearchSuggestions = lazy(() => import('./header-search-suggestions'));

/** Whether a key pressed here types text (then "/" is a character, not the shortcut). */
function typesText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The header's search field: one field over everything the user may see, the results on the
 * search page (its own chunk). It comes with the user area's chunk (loaded before a logged-in
 * user's first page), not in the app's first chunk. "/" or Ctrl+K (⌘K) from anywhere brings the focus here; the
 * placeholder and aria-keyshortcuts say so.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [focused, setFocused] = useState(false);
  const maySearch = useCan('search', 'read');

  useEffect(() => {
    if (!maySearch) return;
    const onKey = (event: KeyboardEvent) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typesText(event.target);
      const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
      if (!slash && !commandK) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [maySearch]);

  // On the search page the field shows the words searched for.
  const onSearchPage = location.pathname === SEARCH_PATH;
  const searched = onSearchPage && typeof (location.search as Record<string, unknown>)['q'] === 'string' ? String((location.search as Record<string, unknown>)['q']) : '';
  useEffect(() => {
    if (input.current && onSearchPage) input.current.value = searched;
  }, [onSearchPage, searched]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = input.current?.value.trim() ?? '';
    if (!q) {
      input.current?.focus();
      return;
    }
    void navigate({ to: SEARCH_PATH, search: { q } });
  };

  // A role the policy gives no search (a partner's contact) gets no field.
  if (!maySearch) return null;
  return (
    <form role="search" className="kb-header-search" aria-label={t('account.search.label')} onSubmit={submit}>
      <label htmlFor={id} className="ds-sr-only">
        {t('account.search.label')}
      </label>
      <input
        ref={input}
        id={id}
        className="ds-input"
        data-size="sm"
        type="search"
        name="q"
        maxLength={200}
        autoComplete="off"
        placeholder={t('account.search.placeholder')}
        aria-keyshortcuts="/ Control+K Meta+K"
        onFocus={() => setFocused(true)}
      />
      {focused && (
        <Suspense fallback={null}>
          <HeaderSearchSuggestions input={input} onOpen={(target) => void navigate({ to: target.to, params: target.id ? { id: target.id } : {} })} />
        </Suspense>
      )}
      <button type="submit" className="ds-button" data-variant="secondary" data-size="sm">
        {t('account.search.submit')}
      </button>
    </form>
  );
}
