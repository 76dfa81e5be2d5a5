import { compareNorwegian } from '@kompetansebro/domain';
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { StatusTag } from './status-tag';

export interface FieldFrameProps {
  /** The control's id: error summaries link to it. Generated when left out. */
  id?: string;
  label: ReactNode;
  /** Help text under the label, e.g. the format asked for ("9 siffer"). */
  description?: ReactNode;
  /** The message beside the field; the field is marked invalid while it is set. */
  error?: ReactNode;
  /** Text of the "required" tag after the label, e.g. "må fylles ut"; no tag when left out. */
  requiredLabel?: string;
}

interface FieldIds {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
}

export function useFieldIds({ id, description, error }: Pick<FieldFrameProps, 'id' | 'description' | 'error'>): FieldIds & {
  descriptionId: string;
  errorId: string;
} {
  const generated = useId();
  const fieldId = id ?? generated;
  const descriptionId = `${fieldId}-description`;
  const errorId = `${fieldId}-error`;
  const describedBy = [description ? descriptionId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return { id: fieldId, describedBy, invalid: Boolean(error), descriptionId, errorId };
}

/**
 * Designsystemet's field (`ds-field`): label, help text, the control, and the validation
 * message beside it, wired with aria-describedby and aria-invalid.
 */
export function FieldFrame({
  label,
  description,
  error,
  requiredLabel,
  ids,
  children,
}: Omit<FieldFrameProps, 'id'> & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div className="ds-field">
      {requiredLabel ? (
        // The tag is for the eye; the control's aria-required says the same to a screen reader,
        // so the field's accessible name stays just its label.
        <div className="kb-field-label">
          <label className="ds-label" htmlFor={ids.id}>
            {label}
          </label>
          <span aria-hidden="true">
            <StatusTag color="warning">{requiredLabel}</StatusTag>
          </span>
        </div>
      ) : (
        <label className="ds-label" htmlFor={ids.id}>
          {label}
        </label>
      )}
      {description && (
        <div data-field="description" id={ids.descriptionId}>
          {description}
        </div>
      )}
      {children}
      {error && (
        <p className="ds-validation-message" data-field="validation" id={ids.errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export type TextFieldProps = FieldFrameProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ id, label, description, error, requiredLabel, type = 'text', ...inputProps }: TextFieldProps) {
  const ids = useFieldIds({ id, description, error });
  return (
    <FieldFrame label={label} description={description} error={error} requiredLabel={requiredLabel} ids={ids}>
      <input
        className="ds-input"
        type={type}
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid || undefined}
        aria-required={requiredLabel ? true : undefined}
        {...inputProps}
      />
    </FieldFrame>
  );
}

export type TextAreaProps = FieldFrameProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextArea({ id, label, description, error, requiredLabel, rows = 4, ...textareaProps }: TextAreaProps) {
  const ids = useFieldIds({ id, description, error });
  return (
    <FieldFrame label={label} description={description} error={error} requiredLabel={requiredLabel} ids={ids}>
      <textarea
        className="ds-input"
        id={ids.id}
        rows={rows}
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid || undefined}
        aria-required={requiredLabel ? true : undefined}
        {...textareaProps}
      />
    </FieldFrame>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  /** Options with the same group are shown together under it (`<optgroup>`), in the order the groups first appear. */
  group?: string;
}

/** Options for `values` labelled by `labelOf`, in the Norwegian alphabetical order of their labels (æ, ø, å last). */
export function optionsByLabel<Value extends string>(values: readonly Value[], labelOf: (value: Value) => string): Array<{ value: Value; label: string }> {
  return values.map((value) => ({ value, label: labelOf(value) })).sort((a, b) => compareNorwegian(a.label, b.label));
}

/** The options in their groups: ungrouped ones first, then each group in the order it first appears. */
function groupOptions(options: readonly SelectOption[]): Array<{ group: string | undefined; options: SelectOption[] }> {
  const groups = new Map<string | undefined, SelectOption[]>([[undefined, []]]);
  for (const option of options) {
    const members = groups.get(option.group);
    if (members) members.push(option);
    else groups.set(option.group, [option]);
  }
  return [...groups].map(([group, members]) => ({ group, options: members }));
}

export type SelectProps = FieldFrameProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'children'> & {
    options: readonly SelectOption[];
    /** A first option with the empty value ("Alle", "Velg …"); none when left out. */
    emptyOption?: string;
  };

export function Select({ id, label, description, error, requiredLabel, options, emptyOption, ...selectProps }: SelectProps) {
  const ids = useFieldIds({ id, description, error });
  return (
    <FieldFrame label={label} description={description} error={error} requiredLabel={requiredLabel} ids={ids}>
      <select
        className="ds-input"
        id={ids.id}
        aria-describedby={ids.describedBy}
        aria-invalid={ids.invalid || undefined}
        aria-required={requiredLabel ? true : undefined}
        {...selectProps}
      >
        {emptyOption !== undefined && <option value="">{emptyOption}</option>}
        {groupOptions(options).map(({ group, options: members }) => {
          const rendered = members.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ));
          return group === undefined ? rendered : (
            <optgroup key={group} label={group}>
              {rendered}
            </optgroup>
          );
        })}
      </select>
    </FieldFrame>
  );
}

/** The keys of a form's values that hold text: the fields an input, a select or a text area edits. */
export type TextKeyOf<Values> = { [K in keyof Values]-?: Values[K] extends string ? K : never }[keyof Values] & string;

export interface FieldBinding<Values, Field extends TextKeyOf<Values>> {
  values: Values;
  /** Sets one field's value (e.g. useFormState's setField). */
  set: (field: Field, value: string) => void;
  /** The control's id (the error summary links to it). */
  idOf: (field: Field) => string;
  labelOf: (field: Field) => string;
  /** Help text under the label; none when left out or undefined. */
  helpOf?: (field: Field) => string | undefined;
  /** The message beside the field (e.g. errorMessages' messageAt). */
  errorAt: (field: Field) => string | undefined;
}

/** What ties a field to its form: `<TextField {...field('title')} requiredLabel={required} />`. */
export interface BoundField {
  id: string;
  name: string;
  label: string;
  description: string | undefined;
  error: string | undefined;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
}

/**
 * One way to tie a form's fields to its state: each field's id, name, label, help text, the
 * message beside it, its value and the change that sets it, from the form's own naming rules.
 * Props given after the spread (type, autoComplete, a name the browser knows) override them.
 */
export function bindFields<Values, Field extends TextKeyOf<Values> = TextKeyOf<Values>>({
  values,
  set,
  idOf,
  labelOf,
  helpOf,
  errorAt,
}: FieldBinding<Values, Field>): (field: Field) => BoundField {
  return (field) => ({
    id: idOf(field),
    name: field,
    label: labelOf(field),
    description: helpOf?.(field),
    error: errorAt(field),
    value: values[field] as string,
    onChange: (event) => set(field, event.target.value),
  });
}
