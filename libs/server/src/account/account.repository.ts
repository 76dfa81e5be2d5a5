import { accountErrorCodes, type InboxMail, type NotificationSettings } from '@kompetansebro/domain';
import { sql } from 'kysely';
import { hashPassword, verifyPassword } from '../auth/password';
import { newPasswordErrors } from '../auth/password-policy';
import { hashToken } from '../auth/session';
import { ProblemError } from '../http/problem';
import type { Executor } from '../persistence/executor';
import { auditedAction, nextVersion } from '../persistence/versioned-change';

// The user's own account (issue 19): the name they go by, their password, and how they hear of
// their inbox. Each change is audited on the user record; a password is never in the audit log.

/** The user's choice; at once when they never chose. */
export async function notificationSettingsOf(db: Executor, userId: string): Promise<NotificationSettings> {
  const row = await db.selectFrom('notification_setting').select('inbox_mail').where('user_id', '=', userId).executeTakeFirst();
  return { inboxMail: row?.inbox_mail ?? 'immediately' };
}

/** How each of these users hears of their inbox (at once unless they chose otherwise). */
export async function inboxMailOf(db: Executor, userIds: readonly string[]): Promise<Map<string, InboxMail>> {
  const rows = userIds.length === 0 ? [] : await db.selectFrom('notification_setting').select(['user_id', 'inbox_mail']).where('user_id', 'in', [...userIds]).execute();
  const choices = new Map<string, InboxMail>(userIds.map((id) => [id, 'immediately']));
  for (const row of rows) choices.set(row.user_id, row.inbox_mail);
  return choices;
}

export async function setNotificationSettings(db: Executor, userId: string, settings: NotificationSettings): Promise<NotificationSettings> {
  return auditedAction(db, { entity: 'user', entityId: userId, action: 'update' }, { userId }, async (trx) => {
    const before = await notificationSettingsOf(trx, userId);
    await trx
      .insertInto('notification_setting')
      .values({ user_id: userId, inbox_mail: settings.inboxMail })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ inbox_mail: settings.inboxMail, updated_at: sql`now()` }))
      .execute();
    return { result: settings, audit: before.inboxMail === settings.inboxMail ? null : { before: { ...before }, after: { ...settings } } };
  });
}

/** The user's own name. */
export async function renameSelf(db: Executor, userId: string, name: string): Promise<void> {
  await auditedAction(db, { entity: 'user', entityId: userId, action: 'update' }, { userId }, async (trx) => {
    const before = await trx.selectFrom('app_user').select('name').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    if (before.name === name) return { result: undefined, audit: null };
    await trx.updateTable('app_user').set({ name, ...nextVersion }).where('id', '=', userId).execute();
    return { result: undefined, audit: { before: { name: before.name }, after: { name } } };
  });
}

/**
 * A new password, given the current one, by the auth module's policy (ASVS 6.2); the user's other
 * sessions end, the one that changed it goes on. 400 naming `currentPassword` or `newPassword`.
 */
export async function changeOwnPassword(db: Executor, user: { userId: string; email: string }, change: { currentPassword: string; newPassword: string }, sessionToken: string | null): Promise<void> {
  const row = await db.selectFrom('app_user').select('password_hash').where('id', '=', user.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(row.password_hash, change.currentPassword))) {
    throw new ProblemError(400, 'The current password is wrong', [{ path: 'currentPassword', code: accountErrorCodes.currentPasswordWrong, message: 'The current password is wrong' }]);
  }
  const errors = newPasswordErrors(change.newPassword, user.email, 'newPassword');
  if (errors.length > 0) throw new ProblemError(400, errors[0]?.message, errors);
  const hash = await hashPassword(change.newPassword);
  await auditedAction(db, { entity: 'user', entityId: user.userId, action: 'update' }, { userId: user.userId }, async (trx) => {
    await trx.updateTable('app_user').set({ password_hash: hash, ...nextVersion }).where('id', '=', user.userId).execute();
    let others = trx.deleteFrom('user_session').where('user_id', '=', user.userId);
    if (sessionToken) others = others.where('id_hash', '<>', hashToken(sessionToken));
    await others.execute();
    return { result: undefined, audit: { before: null, after: { passwordChanged: true } } };
  });
}
