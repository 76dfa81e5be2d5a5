import { Alert } from './alert';

/** A save or action that failed: what failed as the heading, why as the text; nothing while `message` is null. */
export function FailureAlert({ title, message }: { title: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="danger" role="alert" heading={title}>
      {message}
    </Alert>
  );
}
