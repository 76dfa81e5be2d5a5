import { accountQueries } from '@kompetansebro/api-client';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { groupedHits, targetOf } from './account/search-hits';
import './header-search.css';

/** Hits shown per kind under the field; the search page has them all. */
const PER_KIND = 3;
/** Typing pauses this long before the field is searched. */
const DEBOUNCE_MS = 200;

/**
 * Results while typing under the header's search field (loaded on the field's first focus): the
 * hits grouped by kind in a list box the field controls — arrow keys move through the hits,
 * Enter opens the one chosen, or (none chosen) submits the field to the search page; Escape closes.
 */
interface HeaderSearchSuggestionsProps {
  /** The header's search field. */
  input: RefObject<HTMLInputElement | null>;
  /** Opens a hit's page (the parent's router: this chunk does not import the router again). */
  onOpen: (target: { to: string; id?: string }) => void;
}

export default function HeaderSearchSuggestions({ input, onOpen }: HeaderSearchSuggestionsProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [typed, setTyped] = useState(input.current?.value.trim() ?? '');
  const [q, setQ] = useState(typed);
  const [open, setOpen] = useState(true);
  const [active, setActive] = useState(-1);
  const results = useQuery({ ...accountQueries.search(q), enabled: q.length >= 2 });
  const groups = q.length >= 2 ? groupedHits(results.data?.items ?? [], PER_KIND) : [];
  const options = groups.flatMap(({ kind, hits }) => hits.map((hit) => ({ kind, hit, target: targetOf(kind, hit.id) })));
  const shown = open && q.length >= 2 && results.data !== undefined;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const go = (index: number) => {
    const option = options[index];
    if (!option?.target) return false;
    setOpen(false);
    onOpen(option.target);
    return true;
  };

  // What was typed while this chunk loaded, before the listener below was there.
  useEffect(() => {
    const value = input.current?.value.trim() ?? '';
    setTyped((current) => (current === value ? current : value));
  }, [input]);

  // The field is the parent's (a search box): it controls the list box here, names the hit chosen
  // (aria-activedescendant), and its keys move through the hits.
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    field.setAttribute('aria-autocomplete', 'list');
    field.setAttribute('aria-controls', listId);
    if (active >= 0 && shown) field.setAttribute('aria-activedescendant', optionId(active));
    else field.removeAttribute('aria-activedescendant');
  });
  useEffect(() => {
    const field = input.current;
    if (!field) return;
    const onInput = () => {
      setTyped(field.value.trim());
      setOpen(true);
      setActive(-1);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // From the field (-1) through the hits and back to the field.
        setActive((current) => {
          const next = current + step;
          return next >= options.length ? -1 : next < -1 ? options.length - 1 : next;
        });
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (event.key === 'Enter' && shown && active >= 0) {
        if (go(active)) event.preventDefault();
      }
    };
    const close = () => {
      setOpen(false);
      setActive(-1);
    };
    const onBlur = () => window.setTimeout(close, 150);
    const onFocus = () => setOpen(true);
    field.addEventListener('input', onInput);
    field.addEventListener('keydown', onKey);
    field.addEventListener('blur', onBlur);
    field.addEventListener('focus', onFocus);
    // Submitted to the search page: the list gives way to the results.
    field.form?.addEventListener('submit', close);
    return () => {
      field.form?.removeEventListener('submit', close);
      field.removeEventListener('input', onInput);
      field.removeEventListener('keydown', onKey);
      field.removeEventListener('blur', onBlur);
      field.removeEventListener('focus', onFocus);
    };
  });

  if (!shown) return <ul id={listId} role="listbox" aria-label={t('account.search.suggestions')} hidden />;
  let index = -1;
  return (
    <div className="kb-header-suggestions">
      <ul id={listId} role="listbox" aria-label={t('account.search.suggestions')}>
        {groups.map(({ kind, hits }) => (
          <li key={kind} role="presentation">
            <div id={`${listId}-${kind}`} className="kb-header-suggestions-kind">
              {t(`account.search.kind.${kind}`)}
            </div>
            <ul role="group" aria-labelledby={`${listId}-${kind}`}>
              {hits.map((hit) => {
                index += 1;
                const own = index;
                return (
                  <li
                    key={hit.id}
                    id={optionId(own)}
                    role="option"
                    aria-selected={own === active}
                    className="kb-header-suggestions-option"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => go(own)}
                  >
                    {hit.title}
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
      {options.length === 0 && <p className="ds-paragraph" data-size="sm">{t('account.search.noSuggestions')}</p>}
    </div>
  );
}
