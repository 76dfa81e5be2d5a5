// The form's stylesheet widens every input to the column; a checkbox keeps its own size, and
// a group of boxes sits closer together than a group of fields.
export const toggleStyle = { width: 'var(--dsc-input-size--toggle)' } as const;
export const groupStyle = { gap: 'var(--ds-size-2)' } as const;

/** A fieldset of checkboxes choosing some of `options`, with its message below (agreement forms: levels, themes, services). */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  options,
  chosen,
  label,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  options: readonly V[];
  chosen: readonly V[];
  label: (value: V) => string;
  onChange: (next: V[]) => void;
  error: string | undefined;
}) {
  return (
    <fieldset className="ds-fieldset" style={groupStyle} id={id} tabIndex={-1} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((value) => (
        <div className="ds-field" key={value}>
          <input
            className="ds-input"
            type="checkbox"
            style={toggleStyle}
            id={`${id}-${value}`}
            checked={chosen.includes(value)}
            onChange={(event) => onChange(event.target.checked ? [...chosen, value] : chosen.filter((item) => item !== value))}
          />
          <label className="ds-label" data-weight="regular" htmlFor={`${id}-${value}`}>
            {label(value)}
          </label>
        </div>
      ))}
      {error && (
        <p className="ds-validation-message" data-field="validation" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

