import type { ReactNode } from 'react';

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
}

/** Designsystemet's alert (`ds-alert`): info, success, warning or danger, with an icon. */
export function Alert({ color = 'info', heading, headingLevel = 2, role, children, id }: AlertProps) {
  const HeadingTag = `h${headingLevel}` as const;
  return (
    <div className="ds-alert" data-color={color} role={role} id={id}>
      {heading && (
        <HeadingTag className="ds-heading" data-size="xs">
          {heading}
        </HeadingTag>
      )}
      {typeof children === 'string' ? <p className="ds-paragraph">{children}</p> : children}
    </div>
  );
}
