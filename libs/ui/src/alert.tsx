import { useEffect, useRef, type ReactNode } from 'react';

export type AlertColor = 'info' | 'success' | 'warning' | 'danger';

interface AlertProps {
  color?: AlertColor;
  /** A heading for the alert (rendered at the level given, default h2). */
  heading?: ReactNode;
  headingLevel?: 2 | 3 | 4;
  /**
   * How a screen reader hears it: "status" waits politely (success, progress), "alert"
   * interrupts (an error that blocks). Leave out for content present when the page opens.
   */
  role?: 'status' | 'alert';
  children?: ReactNode;
  id?: string;
  /**
   * Set (and change it on each new occurrence) to bring the alert into view and give it the
   * focus, as the error summary does: for a notice that appears far from the control that caused it.
   */
  focusKey?: unknown;
}

/** Designsystemet's alert (`ds-alert`): info, success, warning or danger, with an icon. */
export function Alert({ color = 'info', heading, headingLevel = 2, role, children, id, focusKey }: AlertProps) {
  const HeadingTag = `h${headingLevel}` as const;
  const ref = useRef<HTMLDivElement>(null);
  const takesFocus = focusKey !== undefined && focusKey !== null && focusKey !== false;
  useEffect(() => {
    if (!takesFocus) return;
    ref.current?.scrollIntoView?.({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [focusKey, takesFocus]);
  return (
    <div className="ds-alert" data-color={color} role={role} id={id} ref={ref} tabIndex={takesFocus ? -1 : undefined}>
      {heading && (
        <HeadingTag className="ds-heading" data-size="xs">
          {heading}
        </HeadingTag>
      )}
      {typeof children === 'string' ? <p className="ds-paragraph">{children}</p> : children}
    </div>
  );
}
