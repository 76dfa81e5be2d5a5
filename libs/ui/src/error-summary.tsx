import { useEffect, useId, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface ErrorSummaryItem {
  /** The id of the field the message is about. */
  fieldId: string;
  message: string;
  /**
   * The field's name in the summary, when the form names it better than the label beside it
   * (which access, which season); without it, the label on the page names it.
   */
  label?: string | undefined;
}

interface ErrorSummaryProps {
  errors: readonly ErrorSummaryItem[];
  heading?: string;
  /**
   * Change this (e.g. a count of submit attempts) to move focus to the summary, so a
   * screen reader reads it and the keyboard starts from it.
   */
  focusKey?: number | string;
}

/**
 * Designsystemet's error summary (`ds-error-summary`): the form's errors at its top, each a
 * link that moves focus to its field. Renders nothing when there are no errors.
 */
export function ErrorSummary({ errors, heading, focusKey }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const hasErrors = errors.length > 0;

  useEffect(() => {
    if (hasErrors && focusKey !== undefined) summaryRef.current?.focus();
  }, [focusKey, hasErrors]);

  if (!hasErrors) return null;

  // "Fyll ut feltet." twice says nothing: each line names its field, once — the form's name for it,
  // else the label on the page where the message does not start with it already.
  const named = (error: ErrorSummaryItem) => {
    const label = error.label ?? fieldLabelOf(error.fieldId);
    return label && !error.message.startsWith(label) ? `${label}: ${error.message}` : error.message;
  };

  // Focus the field itself (a plain #hash jump only scrolls), without touching the URL.
  const focusField = (event: MouseEvent<HTMLAnchorElement>, fieldId: string) => {
    const field = document.getElementById(fieldId);
    if (!field) return;
    event.preventDefault();
    field.scrollIntoView?.({ block: 'center' });
    field.focus();
  };

  return (
    <div className="ds-error-summary" ref={summaryRef} tabIndex={-1} aria-labelledby={headingId}>
      <h2 className="ds-heading" id={headingId}>
        {heading ?? t('errorSummary.heading')}
      </h2>
      <ul>
        {inFormOrder(errors).map((error) => (
          <li key={`${error.fieldId} ${error.message}`}>
            <a className="ds-link" data-color="neutral" href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
              {named(error)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * One line a field (the first error is the one to fix first; its field shows the same), in the
 * order the fields come in the form, as the user reads and fixes them; lines of no field last.
 * Errors on a fallback anchor that is no field (the form, its add button) each keep their line:
 * they are about different things, and only an identical one goes.
 */
function inFormOrder(errors: readonly ErrorSummaryItem[]): ErrorSummaryItem[] {
  const seen = new Set<string>();
  const isField = (fieldId: string) => typeof document !== 'undefined' && Boolean(document.getElementById(fieldId)?.matches('input, select, textarea'));
  const unique = errors.filter((error) => {
    const key = isField(error.fieldId) ? error.fieldId : `${error.fieldId} ${error.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  if (typeof document === 'undefined') return unique;
  const placed = unique.map((error) => ({ error, element: document.getElementById(error.fieldId) }));
  placed.sort((a, b) => {
    if (!a.element || !b.element) return a.element ? -1 : b.element ? 1 : 0;
    if (a.element === b.element) return 0;
    return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return placed.map(({ error }) => error);
}

/** The visible name of a field by its id: its label's text without tags and marks, or its aria-label. */
function fieldLabelOf(fieldId: string): string | null {
  if (typeof document === 'undefined') return null;
  const field = document.getElementById(fieldId);
  if (!field) return null;
  const label = (field as HTMLInputElement).labels?.[0];
  if (label) {
    const copy = label.cloneNode(true) as HTMLElement;
    for (const extra of copy.querySelectorAll('.ds-tag, [aria-hidden="true"]')) extra.remove();
    const text = copy.textContent?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return field.getAttribute('aria-label')?.trim() || null;
}
