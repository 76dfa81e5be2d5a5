import { PendingAcceptances } from '@kompetansebro/feature-agreements';

/** The agreements waiting for the centre's answer, first on its home page. */
export function CentreTasks() {
  return <PendingAcceptances agreementPath="/avtaler/$id" tasksPath="/avtaler/oppgaver" />;
}
