import { z } from 'zod';
import { isoDateSchema } from '../common/date.schema';
import { plainTextSchema } from '../common/text';
import { newPasswordSchema } from './access.schema';

// The user's own account (issue 19): their name, password, how they hear of their inbox, and
// the inbox itself — what needs them or the organisation they act for now.

/** How a user hears by e-mail of what lands in their inbox. */
export const inboxMailChoices = ['immediately', 'daily', 'never'] as const;
export const inboxMailSchema = z.enum(inboxMailChoices);
export type InboxMail = z.infer<typeof inboxMailSchema>;

export const notificationSettingsSchema = z.object({ inboxMail: inboxMailSchema }).strict();
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const profileUpdateSchema = z.object({ name: plainTextSchema(200, 2) }).strict();
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;

export const passwordChangeSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: newPasswordSchema,
  })
  .strict();
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** The kinds of things the inbox holds, each done on its own page. */
export const inboxItemKinds = ['agreement_acceptance', 'amendment_acceptance', 'more_acceptances', 'unread_notes', 'plan_item_due', 'services_to_confirm', 'survey_to_answer', 'catchment_request'] as const;
export const inboxItemKindSchema = z.enum(inboxItemKinds);
export type InboxItemKind = z.infer<typeof inboxItemKindSchema>;

export const inboxItemSchema = z.object({
  kind: inboxItemKindSchema,
  /** The record to open (agreement, plan item — for the county, which keeps the plans, its initiative —, survey, catchment request); null for a list (notes, services). */
  recordId: z.uuid().nullable(),
  /** The record's title or name, as it is written (no code). */
  title: z.string(),
  /** How many things the item stands for (notes unread, services to confirm); 1 otherwise. */
  count: z.number().int().min(1),
  /** When it is due, if it has a date. */
  dueDate: isoDateSchema.nullable(),
  /** The amendment's number, for an amendment to accept. */
  amendmentNumber: z.number().int().nullable(),
  /** A plan item past its due date while still open (`planItemOverdue`). */
  overdue: z.boolean(),
});
export type InboxItem = z.infer<typeof inboxItemSchema>;

export const inboxSchema = z.object({ items: z.array(inboxItemSchema), total: z.number().int() });
export type Inbox = z.infer<typeof inboxSchema>;

/** How many of the acceptances asked of it the inbox names one by one, newest first; the rest are one item (`more_acceptances`). */
export const INBOX_ACCEPTANCES = 10;
/** How many days ahead a plan item's due date puts it in its owner's inbox. */
export const PLAN_ITEM_INBOX_DAYS = 14;
/** A service is to confirm when never confirmed, or last confirmed this many days ago or more. */
export const SERVICE_CONFIRMATION_DAYS = 365;
