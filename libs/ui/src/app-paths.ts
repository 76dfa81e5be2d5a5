/**
 * Where an app shows each kind of record (router paths with `$id`), for links the shell makes
 * into the app — a search hit, an inbox item. Left out: the app has no page for it.
 */
export interface AppPaths {
  actor?: string;
  agreement?: string;
  /** Every agreement (and amendment) waiting for the organisation's answer, a page at a time (a list). */
  agreementTasks?: string;
  activity?: string;
  initiative?: string;
  /** A plan item the user's organisation owns, where it sets status and result. */
  planItem?: string;
  /** The cooperation notes (a list: a note has no page of its own). */
  notes?: string;
  /** Where the organisation confirms its services (a list). */
  services?: string;
  /** Where the organisation answers the county's open survey. */
  survey?: string;
  /** Where the county decides catchment-area requests (a list). */
  catchmentRequests?: string;
}
