import type { ReactNode } from 'react';

interface SectionProps {
  /** The heading's id: the section is labelled by it, and links can point at it. */
  id: string;
  title: ReactNode;
  /** A paragraph under the heading: what the section holds. */
  intro?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A part of a page under its own h2, labelled by that heading for landmarks navigation. */
export function Section({ id, title, intro, className, children }: SectionProps) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 className="ds-heading" data-size="sm" id={id}>
        {title}
      </h2>
      {intro && <p className="ds-paragraph">{intro}</p>}
      {children}
    </section>
  );
}
