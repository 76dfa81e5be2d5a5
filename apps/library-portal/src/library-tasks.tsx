import { PendingAcceptances } from '@kompetansebro/feature-agreements';

/** The agreements waiting for the library's answer (accept or decline on the agreement's page), first on its home page. */
export function LibraryTasks() {
  return <PendingAcceptances agreementPath="/avtaler/$id" />;
}
