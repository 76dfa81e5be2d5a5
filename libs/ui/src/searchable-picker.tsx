import { EXPERIMENTAL_Suggestion as Suggestion, type SuggestionItem } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, useFieldIds, type BoundField, type FieldFrameProps } from './field';

/** Letters and digits only, each word after a space: "Frøya (Trøndelag sørvest)" → " frøya trøndelag sørvest". */
const words = (text: string) => ` ${text.toLocaleLowerCase('nb').replace(/[^\p{L}\p{N}]+/gu, ' ').trim()}`;

/**
 * What the user typed matches where a word of the option starts, as people look names up: "st"
 * finds Steinkjer and Stjørdal, not Frosta or "(Trøndelag sørvest)"; "namsos bib" finds Namsos bibliotek.
 */
export const matchesWordStart = ({ label, input }: { label: string; input: HTMLInputElement }) => {
  const typed = words(input.value);
  return typed === ' ' || words(label).includes(typed);
};

/** One choice of a picker: what is stored (`value`) and what the user reads and types to find it (`label`). */
export interface PickerOption {
  value: string;
  label: string;
}

export type SearchablePickerProps = FieldFrameProps & {
  options: readonly PickerOption[];
  /** Shown in the list while the options load. */
  loading?: boolean;
} & (
    | { multiple?: false; value: string; onChange: (value: string) => void }
    | { multiple: true; value: readonly string[]; onChange: (values: string[]) => void }
  );

/**
 * A searchable picker over a long list (organisations, municipalities) on Designsystemet's
 * `Suggestion`: the user types to narrow the list, picks with the mouse or the arrow keys and
 * Enter, and clears with the clear button. One value (`value: string`, '' for none) or several
 * (`multiple`, chips that each remove their choice). Label, help, required tag and the message
 * beside it as every other field (FieldFrame).
 *
 * Imported from `@kompetansebro/ui/searchable-picker`, not the library's index: it brings
 * Designsystemet's web components (custom elements, a popover polyfill, floating-ui, about 20 KiB
 * gzip), whose import defines elements, so a bundler keeps it wherever the index is imported —
 * in every app's entry chunk. Imported on its own, it lands in the lazy chunks of the forms.
 */
export function SearchablePicker(props: SearchablePickerProps) {
  const { label, description, error, requiredLabel, options, loading } = props;
  const { t } = useTranslation();
  const ids = useFieldIds(props);
  const labelOf = new Map(options.map((option) => [option.value, option.label]));
  const itemOf = (value: string): SuggestionItem => ({ value, label: labelOf.get(value) ?? value });

  // What a screen reader hears as the list narrows ("3 treff").
  const announce = { 'data-sr-singular': t('picker.hitsOne'), 'data-sr-plural': t('picker.hitsOther') };
  const parts = (
    <>
      <Suggestion.Input
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid || undefined}
        aria-required={requiredLabel ? true : undefined}
        autoComplete="off"
      />
      <Suggestion.Clear aria-label={t('picker.clear')} />
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
        <Suggestion multiple filter={matchesWordStart} selected={props.value.map(itemOf)} onSelectedChange={(items) => props.onChange(items.map((item) => item.value))} {...announce}>
          {parts}
        </Suggestion>
      ) : (
        <Suggestion filter={matchesWordStart} selected={props.value ? itemOf(props.value) : null} onSelectedChange={(item) => props.onChange(item?.value ?? '')} {...announce}>
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
