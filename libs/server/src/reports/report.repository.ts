import { buildFunderReport, type FunderReport, type ReportQuery } from '@kompetansebro/domain';
import type { Scope } from '../auth/visibility';
import { findActivity } from '../activities/activity.repository';
import { findAgreement } from '../agreements/agreement.repository';
import { getInitiative } from '../initiatives/initiative.repository';
import type { Executor } from '../persistence/executor';

/**
 * The funder report of an initiative: its results are the activities and agreements its plan
 * items link, read with the caller's scope (what it may not see is not reported).
 */
export async function getFunderReport(db: Executor, scope: Scope, initiativeId: string, query: ReportQuery): Promise<FunderReport> {
  const initiative = await getInitiative(db, scope, initiativeId);
  const activityIds = [...new Set(initiative.planItems.flatMap((p) => p.activityIds))];
  const agreementIds = [...new Set(initiative.planItems.flatMap((p) => p.agreementIds))];
  const [activities, agreements] = await Promise.all([
    Promise.all(activityIds.map((id) => findActivity(db, scope, id))),
    Promise.all(agreementIds.map((id) => findAgreement(db, scope, id))),
  ]);
  return buildFunderReport({
    initiative,
    activities: activities.filter((a) => a !== undefined),
    agreements: agreements.filter((a) => a !== undefined),
    query,
  });
}
