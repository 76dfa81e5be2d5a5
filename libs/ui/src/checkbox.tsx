import type { InputHTMLAttributes, ReactNode } from 'react';

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'id'> & {
  id: string;
  label: ReactNode;
};

/**
 * Designsystemet's checkbox (`ds-field` with a toggle `ds-input` and its label beside it).
 * Its own size is kept: the full-width rule for inputs in a `kb-form` is for text fields.
 */
export function Checkbox({ id, label, style, ...inputProps }: CheckboxProps) {
  return (
    <div className="ds-field">
      <input className="ds-input" type="checkbox" id={id} style={{ width: 'var(--dsc-input-size--toggle)', ...style }} {...inputProps} />
      <label className="ds-label" htmlFor={id} data-weight="regular">
        {label}
      </label>
    </div>
  );
}
