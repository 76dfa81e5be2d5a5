import type { AgreementSettings, AgreementSettingsUpdate } from '@kompetansebro/domain';
import { requireWritable, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import type { ChangeContext } from '../persistence/repository-helpers';
import { nextVersion, versionedChange, type ExpectedVersion } from '../persistence/versioned-change';

// The county's agreement settings: one row. Every organisation's agreements follow them (the
// calendar reads them), so anyone who reads agreements may read them; only the county changes them.

export async function getAgreementSettings(db: Executor): Promise<AgreementSettings> {
  const row = await db.selectFrom('county_setting').select(['agreement_expiring_days', 'version']).where('id', '=', 'county').executeTakeFirstOrThrow();
  return { expiringDays: row.agreement_expiring_days, version: row.version };
}

export async function updateAgreementSettings(
  db: Executor,
  scope: Scope,
  changes: AgreementSettingsUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementSettings> {
  return versionedChange(db, {
    table: 'county_setting',
    id: 'county',
    entity: 'county_setting',
    label: 'agreement settings',
    checkReach: async () => requireWritable(scope.everything && scope.agreements.write.all, 'Only the county changes the agreement settings'),
    read: (trx) => getAgreementSettings(trx),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx) => {
      await trx.updateTable('county_setting').set({ agreement_expiring_days: changes.expiringDays, ...nextVersion }).where('id', '=', 'county').execute();
    },
  });
}
