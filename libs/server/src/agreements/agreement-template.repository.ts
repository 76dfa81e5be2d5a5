import {
  ConflictError,
  NotFoundError,
  type AgreementDetail,
  type AgreementTemplate,
  type AgreementTemplateCreate,
  type AgreementTemplateUpdate,
} from '@kompetansebro/domain';
import { requireCountyWide, requireWritable, type Scope } from '../auth/visibility';
import { uniqueViolation } from '../persistence/database-errors';
import type { Executor } from '../persistence/executor';
import { iso, type ChangeContext } from '../persistence/repository-helpers';
import { auditedCreate, nextVersion, versionedChange, versionedRemoval, type ExpectedVersion } from '../persistence/versioned-change';
import { getAgreement } from './agreement.repository';

// The county's agreement templates (issue 13): one per agreement kind, its clauses in plain text
// with fields the agreement fills in. The county reads and keeps them; its admin alone changes
// them. Every party that reads an agreement gets its document made from its kind's template.

const columns = ['id', 'kind', 'title', 'clauses', 'version', 'created_at', 'updated_at'] as const;
const selectTemplates = (db: Executor) => db.selectFrom('agreement_template').select(columns);

function toTemplate(row: Awaited<ReturnType<ReturnType<typeof selectTemplates>['executeTakeFirstOrThrow']>>): AgreementTemplate {
  return { id: row.id, kind: row.kind, title: row.title, clauses: row.clauses, version: row.version, createdAt: iso(row.created_at), updatedAt: iso(row.updated_at) };
}

const LABEL = 'agreement template';
const countyAdminOnly = (scope: Scope) => requireWritable(scope.everything && scope.agreements.write.all, 'Only the county keeps the agreement templates');

/** Every template, by kind (the county only). */
export async function listAgreementTemplates(db: Executor, scope: Scope): Promise<AgreementTemplate[]> {
  requireCountyWide(scope, LABEL);
  return (await selectTemplates(db).orderBy('kind').execute()).map(toTemplate);
}

export async function getAgreementTemplate(db: Executor, scope: Scope, id: string): Promise<AgreementTemplate> {
  requireCountyWide(scope, LABEL);
  const row = await selectTemplates(db).where('id', '=', id).executeTakeFirst();
  if (!row) throw new NotFoundError(LABEL);
  return toTemplate(row);
}

/** A new template; 409 when its kind has one already. */
export async function createAgreementTemplate(db: Executor, scope: Scope, input: AgreementTemplateCreate, context: ChangeContext): Promise<AgreementTemplate> {
  countyAdminOnly(scope);
  try {
    return await auditedCreate(db, {
      entity: 'agreement_template',
      context,
      insert: async (trx) => (await trx.insertInto('agreement_template').values(input).returning('id').executeTakeFirstOrThrow()).id,
      read: (trx, id) => getAgreementTemplate(trx, scope, id),
    });
  } catch (error) {
    if (uniqueViolation(error)) throw new ConflictError('This kind of agreement has a template already: change that one');
    throw error;
  }
}

function templateRecord(scope: Scope, id: string) {
  return {
    table: 'agreement_template' as const,
    id,
    entity: 'agreement_template' as const,
    label: LABEL,
    checkReach: async () => countyAdminOnly(scope),
    read: (trx: Executor) => getAgreementTemplate(trx, scope, id),
  };
}

export async function updateAgreementTemplate(
  db: Executor,
  scope: Scope,
  id: string,
  changes: AgreementTemplateUpdate,
  expectedVersion: ExpectedVersion,
  context: ChangeContext,
): Promise<AgreementTemplate> {
  return versionedChange(db, {
    ...templateRecord(scope, id),
    expectedVersion,
    context,
    action: 'update',
    write: async (trx) => {
      await trx.updateTable('agreement_template').set({ ...changes, ...nextVersion }).where('id', '=', id).execute();
    },
  });
}

export async function removeAgreementTemplate(db: Executor, scope: Scope, id: string, expectedVersion: ExpectedVersion, context: ChangeContext): Promise<void> {
  await versionedRemoval(db, {
    ...templateRecord(scope, id),
    expectedVersion,
    context,
    write: async (trx) => {
      await trx.deleteFrom('agreement_template').where('id', '=', id).execute();
    },
  });
}

/** What an agreement's document is made of: the agreement as the scope reads it (404 otherwise), and its kind's template if the county keeps one. */
export async function agreementDocumentSource(db: Executor, scope: Scope, id: string): Promise<{ agreement: AgreementDetail; template: AgreementTemplate | null }> {
  const agreement = await getAgreement(db, scope, id);
  const row = await selectTemplates(db).where('kind', '=', agreement.kind).executeTakeFirst();
  return { agreement, template: row ? toTemplate(row) : null };
}
