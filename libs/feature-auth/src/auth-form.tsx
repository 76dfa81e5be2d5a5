import { Alert, Button, ErrorSummary, type ErrorSummaryItem } from '@kompetansebro/ui';
import type { FormEvent, ReactNode } from 'react';

interface AuthFormProps {
  /** The form's errors as `useFormErrors` keeps them: the summary takes the focus on each submit that found some. */
  errors: { summary: ErrorSummaryItem[]; submitCount: number };
  busy: boolean;
  /** What went wrong that no field is to blame for, under `failureTitle`; nothing while there is none. */
  failure: ReactNode;
  failureTitle: string;
  submitLabel: string;
  onSubmit: () => void | Promise<void>;
  /** The fields. */
  children: ReactNode;
  /** What stands under the submit button inside the form (a link to another sign-in page). */
  after?: ReactNode;
}

/** The form of a sign-in page (log in, forgotten password, new password): summary, failure, fields, one submit button. */
export function AuthForm({ errors, busy, failure, failureTitle, submitLabel, onSubmit, children, after }: AuthFormProps) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void onSubmit();
  };
  return (
    <form className="kb-form" noValidate onSubmit={submit} aria-busy={busy || undefined}>
      <ErrorSummary errors={errors.summary} focusKey={errors.submitCount} />
      {failure && (
        <Alert color="danger" role="alert" heading={failureTitle}>
          {failure}
        </Alert>
      )}
      {children}
      <div className="kb-cluster">
        <Button type="submit" loading={busy}>
          {submitLabel}
        </Button>
      </div>
      {after}
    </form>
  );
}
