import type { ReactNode } from 'react';

interface EmptyStateProps {
  title: string;
  headingLevel?: 2 | 3;
  /** Why it is empty. */
  children?: ReactNode;
  /** What to do about it: a button or link. */
  action?: ReactNode;
}

/** An empty list or page that says why it is empty and what to do. */
export function EmptyState({ title, headingLevel = 2, children, action }: EmptyStateProps) {
  const HeadingTag = `h${headingLevel}` as const;
  return (
    <div className="kb-empty-state">
      <HeadingTag className="ds-heading" data-size="xs">
        {title}
      </HeadingTag>
      {typeof children === 'string' ? <p className="ds-paragraph">{children}</p> : children}
      {action}
    </div>
  );
}
