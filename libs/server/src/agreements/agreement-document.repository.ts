import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NotFoundError, RejectedFileError } from '@kompetansebro/domain';
import type { Scope } from '../auth/visibility';
import { assertAgreementInReach } from './agreement.repository';
import { writeAudit } from '../audit/audit.repository';
import type { Executor } from '../persistence/executor';
import { type ChangeContext } from '../persistence/repository-helpers';
import { nextVersion } from '../persistence/versioned-change';

export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
const PDF_MAGIC = '%PDF-';

/** Where a document's bytes live: <documentsDir>/<agreement id>/<document id>.pdf */
function documentPath(documentsDir: string, agreementId: string, documentId: string): string {
  return join(documentsDir, agreementId, `${documentId}.pdf`);
}

/** A signed agreement as PDF: checked by its first bytes, not by the name or type the browser claims. */
export function assertPdf(bytes: Uint8Array): void {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) throw new RejectedFileError('too_large', 'A document may be at most 20 MB');
  if (Buffer.from(bytes.subarray(0, PDF_MAGIC.length)).toString('latin1') !== PDF_MAGIC) {
    throw new RejectedFileError('unsupported_type', 'Only PDF documents can be uploaded');
  }
}

/** Keeps the name readable but harmless in a Content-Disposition header and on disk listings. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'dokument.pdf';
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 150).trim();
  return cleaned.toLowerCase().endsWith('.pdf') ? cleaned : `${cleaned || 'dokument'}.pdf`;
}

export async function addAgreementDocument(
  db: Executor,
  scope: Scope,
  documentsDir: string,
  agreementId: string,
  file: { name: string; bytes: Uint8Array },
  context: ChangeContext,
): Promise<{ id: string; filename: string; sizeBytes: number; uploadedAt: string }> {
  assertPdf(file.bytes);
  return db.transaction().execute(async (trx) => {
    await assertAgreementInReach(trx, scope, agreementId, { write: true, lock: true });
    const row = await trx
      .insertInto('agreement_document')
      .values({
        agreement_id: agreementId,
        filename: safeFilename(file.name),
        size_bytes: file.bytes.byteLength,
        sha256: createHash('sha256').update(file.bytes).digest('hex'),
        uploaded_by: context.userId,
      })
      .returning(['id', 'filename', 'size_bytes', 'uploaded_at'])
      .executeTakeFirstOrThrow();
    await trx.updateTable('agreement').set(nextVersion).where('id', '=', agreementId).execute();
    // The file is written inside the transaction: if writing fails, no row points at nothing.
    await mkdir(join(documentsDir, agreementId), { recursive: true });
    await writeFile(documentPath(documentsDir, agreementId, row.id), file.bytes);
    const document = { id: row.id, filename: row.filename, sizeBytes: row.size_bytes, uploadedAt: new Date(row.uploaded_at).toISOString() };
    await writeAudit(trx, { userId: context.userId, entity: 'agreement', entityId: agreementId, action: 'update', before: null, after: { documentAdded: document } });
    return document;
  });
}

export async function readAgreementDocument(
  db: Executor,
  scope: Scope,
  documentsDir: string,
  agreementId: string,
  documentId: string,
): Promise<{ filename: string; bytes: Buffer }> {
  await assertAgreementInReach(db, scope, agreementId, { write: false });
  const row = await db
    .selectFrom('agreement_document')
    .select(['filename'])
    .where('agreement_id', '=', agreementId)
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('document');
  const bytes = await readFile(documentPath(documentsDir, agreementId, documentId)).catch(() => {
    throw new NotFoundError('document file', 'The document file is missing');
  });
  return { filename: row.filename, bytes };
}

export async function removeAgreementDocument(
  db: Executor,
  scope: Scope,
  documentsDir: string,
  agreementId: string,
  documentId: string,
  context: ChangeContext,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertAgreementInReach(trx, scope, agreementId, { write: true, lock: true });
    const removed = await trx
      .deleteFrom('agreement_document')
      .where('agreement_id', '=', agreementId)
      .where('id', '=', documentId)
      .returning(['id', 'filename'])
      .executeTakeFirst();
    if (!removed) throw new NotFoundError('document');
    await trx.updateTable('agreement').set(nextVersion).where('id', '=', agreementId).execute();
    await writeAudit(trx, { userId: context.userId, entity: 'agreement', entityId: agreementId, action: 'update', before: { documentRemoved: removed }, after: null });
  });
  await rm(documentPath(documentsDir, agreementId, documentId), { force: true });
}
