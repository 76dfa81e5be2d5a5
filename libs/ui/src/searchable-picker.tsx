import { EXPERIMENTAL_Suggestion as Suggestion, type SuggestionItem } from '@digdir/designsystemet-react';
import { formatNumber, useLanguage } from '@kompetansebro/i18n';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, useFieldIds, type BoundField, type FieldFrameProps } from './field';

/** Letters and digits only, each word after a space: "Frøya (Trøndelag sørvest)" → " frøya trøndelag sørvest". */
const words = (text: string) => ` ${text.toLocaleLowerCase('nb').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;

/**
 * What the user typed matches where a word of the option starts, as people look names up: "st"
 * finds Steinkjer and Stjørdal, not Frosta or "(Trøndelag sørvest)"; "namsos bib" finds Namsos bibliotek.
 */
export const matchesWordStart = ({ label, input }: { label: string; input: HTMLInputElement }) => startsAWord(label, input.value);

/** `typed` found where a word of `label` starts (nothing typed: every label); the rule of `matchesWordStart`. */
export function startsAWord(label: string, typed: string): boolean {
  const wanted = words(typed);
  return wanted === ' ' || words(label).includes(wanted);
}

/** How many matches a server-searching picker asks for: enough to pick from, few enough to read. */
export const PICKER_SEARCH_SIZE = 20;
/** Typing pauses this long before a server-searching picker asks the server. */
const SEARCH_PAUSE_MS = 250;

/** What a server-searching picker holds: the text typed, and the search to send once typing pauses. */
export interface PickerSearch {
  /** The search to send (trimmed; '' before anything is typed). */
  q: string;
  /** What is typed now (client-side matches, such as a few fixed options, follow it at once). */
  typed: string;
  onSearch: (typed: string) => void;
}

/**
 * The search of a picker over more than the browser should load (organisations at national scale):
 * `const search = usePickerSearch(); const found = useQuery(x.list({ q: search.q || undefined, pageSize: PICKER_SEARCH_SIZE }));`
 * then `<SearchablePicker search={search} matches={…} options={…} />`.
 */
export function usePickerSearch(): PickerSearch {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  return { q, typed, onSearch: setTyped };
}

/** One choice of a picker: what is stored (`value`) and what the user reads and types to find it (`label`). */
export interface PickerOption {
  value: string;
  label: string;
}

export type SearchablePickerProps = FieldFrameProps & {
  options: readonly PickerOption[];
  /** The options are loading (with `search`: the answer to what was typed); the list says so. */
  loading?: boolean;
  /**
   * The server searches (usePickerSearch): `options` are its matches for what was typed, shown as
   * they are, and the picker reports each keystroke instead of narrowing the list itself.
   */
  search?: PickerSearch;
  /** With `search`: how many options are shown of how many match; the field says when there are more. */
  matches?: { shown: number; total: number };
  /**
   * Choices whose names the caller knows though the options may not hold them (a saved record's
   * choice, a filter from a link): named in the field, not listed.
   */
  known?: readonly PickerOption[];
} & (
    | { multiple?: false; value: string; onChange: (value: string, label: string) => void }
    | { multiple: true; value: readonly string[]; onChange: (values: string[]) => void }
  );

/**
 * A searchable picker over a long list (organisations, municipalities) on Designsystemet's
 * `Suggestion`: the user types to narrow the list, picks with the mouse or the arrow keys and
 * Enter, and clears with the clear button. One value (`value: string`, '' for none) or several
 * (`multiple`, chips that each remove their choice). Label, help, required tag and the message
 * beside it as every other field (FieldFrame). Over more than the browser should load (the
 * organisations of a national roll-out), the server searches instead: `search` (usePickerSearch).
 *
 * Imported from `@kompetansebro/ui/searchable-picker`, not the library's index: it brings
 * Designsystemet's web components (custom elements, a popover polyfill, floating-ui, about 20 KiB
 * gzip), whose import defines elements, so a bundler keeps it wherever the index is imported —
 * in every app's entry chunk. Imported on its own, it lands in the lazy chunks of the forms.
 */
export function SearchablePicker(props: SearchablePickerProps) {
  const { label, error, requiredLabel, options, loading, search, matches, known = [] } = props;
  const { t } = useTranslation();
  const language = useLanguage();
  // Not beside a choice already made (one value, nothing typed): it reads as if the choice were in doubt.
  const settled = !props.multiple && props.value !== '' && search?.typed.trim() === '';
  const more =
    search && matches && matches.total > matches.shown && !settled
      ? t('picker.moreMatches', { shown: formatNumber(matches.shown, language), total: formatNumber(matches.total, language) })
      : null;
  // On a line of its own under the field's help.
  const description = more ? (
    <>
      {props.description && (
        <>
          {props.description}
          <br />
        </>
      )}
      {more}
    </>
  ) : (
    props.description
  );
  const ids = useFieldIds({ ...props, description });
  // Every label seen: a server search replaces the options as the user types, and a choice made
  // from an earlier list still shows its name.
  const [labelOf] = useState(() => new Map<string, string>());
  for (const option of [...known, ...options]) labelOf.set(option.value, option.label);
  // A choice whose name is not known yet shows nothing rather than its id.
  const itemOf = (value: string): SuggestionItem => ({ value, label: labelOf.get(value) ?? '' });
  const filter = search ? false : matchesWordStart;
  const chosen = props.multiple ? props.value : props.value ? [props.value] : [];
  // The field also changes when a choice is made (it shows the choice's name): that is no search,
  // and the next look at the list starts from the server's first answer again.
  // Busy from a keystroke until the server's answer to it is in: the list is about to change.
  const busy = search ? search.typed.trim() !== search.q || Boolean(loading) : false;
  const searchFor = (typed: string) => search?.onSearch(chosen.some((value) => labelOf.get(value) === typed) ? '' : typed);
  // With several choices the field keeps what was typed after a choice, so typing on would append
  // to it ("steinnam" finds nothing): it is emptied, as for a new search, once a choice is made.
  const input = useRef<HTMLInputElement>(null);
  const chooseSeveral = (values: string[]) => {
    if (props.multiple) props.onChange(values);
    if (values.length <= chosen.length) return; // a chip removed: what is typed stays
    setTimeout(() => {
      const field = input.current;
      if (!field?.value) return;
      field.value = '';
      field.dispatchEvent(new Event('input', { bubbles: true }));
    });
  };

  // What a screen reader hears as the list narrows ("3 treff"), and the clear button's name: the
  // suggestion element names that button itself from data-sr-clear (else Designsystemet's "Fjern
  // tekst"), over any aria-label the button has.
  const announce = { 'data-sr-singular': t('picker.hitsOne'), 'data-sr-plural': t('picker.hitsOther'), 'data-sr-clear': t('picker.clear') };
  const parts = (
    <>
      <Suggestion.Input
        ref={input}
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid || undefined}
        aria-required={requiredLabel ? true : undefined}
        aria-busy={busy || undefined}
        autoComplete="off"
        onInput={search ? (event) => searchFor(event.currentTarget.value) : undefined}
      />
      <Suggestion.Clear />
      <Suggestion.List>
        <Suggestion.Empty>{loading ? t('states.loading') : t('picker.noMatch')}</Suggestion.Empty>
        {options.map((option) => (
          <Suggestion.Option key={option.value} value={option.value} label={option.label}>
            {option.label}
          </Suggestion.Option>
        ))}
      </Suggestion.List>
    </>
  );

  return (
    <FieldFrame label={label} description={description} error={error} requiredLabel={requiredLabel} ids={ids}>
      {props.multiple ? (
        <Suggestion multiple filter={filter} selected={props.value.map(itemOf)} onSelectedChange={(items) => chooseSeveral(items.map((item) => item.value))} {...announce}>
          {parts}
        </Suggestion>
      ) : (
        <Suggestion filter={filter} selected={props.value ? itemOf(props.value) : null} onSelectedChange={(item) => props.onChange(item?.value ?? '', item?.label ?? '')} {...announce}>
          {parts}
        </Suggestion>
      )}
    </FieldFrame>
  );
}

/** A form's bound field as a one-value picker: `<SearchablePicker {...pickerField(field('municipalityNumber'))} options={…} />`. */
export function pickerField({ id, label, description, error, value, onChange }: BoundField) {
  return { id, label, description, error, value, onChange: (next: string) => onChange({ target: { value: next } }) };
}
