import { PendingAcceptances, PendingAmendments } from '@kompetansebro/feature-agreements';

/**
 * The agreements waiting for the library's answer (accept or decline on the agreement's page), and
 * the amendments waiting for its acceptance, before → after, accepted right here: first on its home page.
 */
export function LibraryTasks() {
  return (
    <>
      <PendingAcceptances agreementPath="/avtaler/$id" amendments={false} tasksPath="/avtaler/oppgaver" />
      <PendingAmendments agreementPath="/avtaler/$id" tasksPath="/avtaler/oppgaver" />
    </>
  );
}
