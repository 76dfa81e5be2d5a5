import type { ReactNode } from 'react';
import type { DsColor } from './button';

/** A status as text and colour together (never colour alone): Designsystemet's `ds-tag`. */
export function StatusTag({ color = 'neutral', children }: { color?: DsColor; children: ReactNode }) {
  return (
    <span className="ds-tag" data-color={color} data-size="sm">
      {children}
    </span>
  );
}
