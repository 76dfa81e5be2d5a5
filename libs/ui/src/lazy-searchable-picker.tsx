import { lazy, Suspense } from 'react';
import { FieldFrame, useFieldIds, type BoundField } from './field';
import type { SearchablePickerProps } from './searchable-picker';

// Designsystemet's Suggestion brings its web components (custom elements, a popover polyfill,
// floating-ui): about 20 KiB gzip that only forms need. Loaded with the first picker shown, so it
// stays out of every app's entry chunk whichever screen imports the UI library.
const Picker = lazy(() => import('./searchable-picker').then((module) => ({ default: module.SearchablePicker })));

/** The picker's frame with a read-only input while its code loads: the label, help and error already in place. */
function PickerPlaceholder(props: SearchablePickerProps) {
  const ids = useFieldIds(props);
  const labelOf = new Map(props.options.map((option) => [option.value, option.label]));
  const chosen = (props.multiple ? props.value : props.value ? [props.value] : []).map((value) => labelOf.get(value) ?? value);
  return (
    <FieldFrame label={props.label} description={props.description} error={props.error} requiredLabel={props.requiredLabel} ids={ids}>
      <input className="ds-input" id={ids.id} aria-describedby={ids.describedBy} aria-invalid={ids.invalid || undefined} readOnly value={chosen.join(', ')} />
    </FieldFrame>
  );
}

/**
 * A searchable picker over a long list (organisations, municipalities): type to narrow, pick with
 * the mouse or the arrow keys and Enter; one value or several (`multiple`). See searchable-picker.tsx.
 */
export function SearchablePicker(props: SearchablePickerProps) {
  return (
    <Suspense fallback={<PickerPlaceholder {...props} />}>
      <Picker {...props} />
    </Suspense>
  );
}

/** A form's bound field as a one-value picker: `<SearchablePicker {...pickerField(field('municipalityNumber'))} options={…} />`. */
export function pickerField({ id, label, description, error, value, onChange }: BoundField) {
  return { id, label, description, error, value, onChange: (next: string) => onChange({ target: { value: next } }) };
}
