import { useEffect, useRef } from 'react';
import { Alert } from './alert';

/**
 * A save or action that failed: what failed as the heading, why as the text; nothing while
 * `message` is null. Put it beside the control that failed: it takes the focus when it shows
 * (or its message changes), so a keyboard or screen reader user is where the explanation is.
 */
export function FailureAlert({ title, message }: { title: string; message: string | null | undefined }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (message) ref.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={ref} tabIndex={-1} className="kb-failure">
      <Alert color="danger" role="alert" heading={title}>
        {message}
      </Alert>
    </div>
  );
}
