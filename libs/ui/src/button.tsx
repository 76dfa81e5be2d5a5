import type { ComponentPropsWithRef, ReactNode } from 'react';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary';
export type DsColor = 'accent' | 'neutral' | 'danger' | 'success' | 'warning' | 'info';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  color?: DsColor;
  size?: 'sm' | 'md' | 'lg';
  /** Shows a spinner and marks the button busy; it stays focusable and keeps its label. */
  loading?: boolean;
  children: ReactNode;
}

/** Designsystemet's button (`ds-button`) on a native `<button>`, type "button" unless told. */
export function Button({ variant = 'primary', color, size, loading = false, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button
      className="ds-button"
      data-variant={variant}
      data-color={color}
      data-size={size}
      aria-busy={loading || undefined}
      type={type}
      {...rest}
    >
      {loading && <Spinner size="xs" decorative />}
      {children}
    </button>
  );
}

/** The attributes that make a link look like a button (for a router's link). */
export function buttonLinkProps(variant: ButtonVariant = 'secondary', color?: DsColor) {
  return { className: 'ds-button', 'data-variant': variant, 'data-color': color } as const;
}
