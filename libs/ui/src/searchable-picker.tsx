import { EXPERIMENTAL_Suggestion as Suggestion, type SuggestionItem } from '@digdir/designsystemet-react';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusTag } from './status-tag';

/** One choice of a picker: what is stored (`value`) and what the user reads and types to find it (`label`). */
export interface PickerOption {
  value: string;
  label: string;
}

interface PickerFrameProps {
  /** The input's id: error summaries link to it. Generated when left out. */
  id?: string;
  label: ReactNode;
  description?: ReactNode;
  /** The message beside the picker; the input is marked invalid while it is set. */
  error?: ReactNode;
  /** Text of the "required" tag after the label; no tag when left out. */
  requiredLabel?: string;
  options: readonly PickerOption[];
  /** Shown in the list while the options load. */
  loading?: boolean;
}

export type SearchablePickerProps = PickerFrameProps &
  (
    | { multiple?: false; value: string; onChange: (value: string) => void }
    | { multiple: true; value: readonly string[]; onChange: (values: string[]) => void }
  );

/**
 * A searchable picker over a long list (organisations, municipalities) on Designsystemet's
 * `Suggestion`: the user types to narrow the list, picks with the mouse or the arrow keys and
 * Enter, and clears with the clear button or Escape. One value (`value: string`, '' for none)
 * or several (`multiple`, chips that each remove their choice). Label, help, required tag and
 * the error message beside it as every other field (`aria-describedby`, `aria-invalid`).
 */
export function SearchablePicker(props: SearchablePickerProps) {
  const { id, label, description, error, requiredLabel, options, loading } = props;
  const { t } = useTranslation();
  const generated = useId();
  const inputId = id ?? generated;
  const descriptionId = `${inputId}-description`;
  const errorId = `${inputId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const labelOf = new Map(options.map((option) => [option.value, option.label]));
  const itemOf = (value: string): SuggestionItem => ({ value, label: labelOf.get(value) ?? value });

  // What a screen reader hears as the list narrows ("%d treff").
  const announce = { 'data-sr-singular': t('picker.hitsOne'), 'data-sr-plural': t('picker.hitsOther') };
  const input = (
    <Suggestion.Input
      id={inputId}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
      aria-required={requiredLabel ? true : undefined}
      autoComplete="off"
    />
  );
  const list = (
    <>
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
    <div className="ds-field kb-picker">
      <div className="kb-field-label">
        <label className="ds-label" htmlFor={inputId}>
          {label}
        </label>
        {requiredLabel && (
          <span aria-hidden="true">
            <StatusTag color="warning">{requiredLabel}</StatusTag>
          </span>
        )}
      </div>
      {description && (
        <div data-field="description" id={descriptionId}>
          {description}
        </div>
      )}
      {props.multiple ? (
        <Suggestion
          multiple
          selected={props.value.map(itemOf)}
          onSelectedChange={(items) => props.onChange(items.map((item) => item.value))}
          {...announce}
        >
          {input}
          {list}
        </Suggestion>
      ) : (
        <Suggestion
          selected={props.value ? itemOf(props.value) : null}
          onSelectedChange={(item) => props.onChange(item?.value ?? '')}
          {...announce}
        >
          {input}
          {list}
        </Suggestion>
      )}
      {error && (
        <p className="ds-validation-message" data-field="validation" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
