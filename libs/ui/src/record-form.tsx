import { Link } from '@tanstack/react-router';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, buttonLinkProps } from './button';
import { ErrorSummary, type ErrorSummaryItem } from './error-summary';

export interface RecordFormProps {
  /** The errors' summary lines; it takes the focus whenever `submitCount` changes. */
  summary: ErrorSummaryItem[];
  submitCount: number;
  /** What the edit page says above the fields (nothing changed, their version, a failure). */
  notice?: ReactNode;
  /** The paragraph that opens the form (what it is for, how required fields are marked). */
  intro: ReactNode;
  submitLabel: string;
  /** The button's text while it saves; 'Saving…' when left out. */
  submittingLabel?: string;
  submitting: boolean;
  onSubmit: () => void;
  /** The way back, beside the submit button. */
  cancel: ReactNode;
  /** A form with many fields side by side (kb-form--wide). */
  wide?: boolean;
  children: ReactNode;
}

/**
 * The frame of a record's create and edit form: the error summary, the page's notice and the intro above
 * the fields, and the submit button ('Saving…' while it saves) with the way back below them.
 */
export function RecordForm({
  summary,
  submitCount,
  notice,
  intro,
  submitLabel,
  submittingLabel,
  submitting,
  onSubmit,
  cancel,
  wide = false,
  children,
}: RecordFormProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className={wide ? 'kb-form kb-form--wide' : 'kb-form'} noValidate onSubmit={submit} aria-busy={submitting || undefined}>
      <ErrorSummary errors={summary} focusKey={submitCount} />
      {notice}
      <p className="ds-paragraph">{intro}</p>
      {children}
      <div className="kb-cluster">
        <Button type="submit" loading={submitting} disabled={submitting}>
          {submitting ? (submittingLabel ?? t('common.saving')) : submitLabel}
        </Button>
        {cancel}
      </div>
    </form>
  );
}

/** "Avbryt" under a form: back to the list, or to the record's page (`to` with `$id`, and its `id`), without saving. */
export function CancelLink({ to, id }: { to: string; id?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} {...(id === undefined ? {} : { params: { id } })} {...buttonLinkProps('tertiary')}>
      {t('common.cancel')}
    </Link>
  );
}
