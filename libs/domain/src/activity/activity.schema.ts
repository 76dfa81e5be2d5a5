import { z } from 'zod';
import { isoDateSchema, timestampSchema } from '../common/dates';
import { listQuerySchema } from '../common/list.schema';

export const activityKinds = ['webinar', 'meeting', 'course', 'conference', 'publication', 'photography', 'mobility', 'other'] as const;
export const activityKindSchema = z.enum(activityKinds);
export type ActivityKind = z.infer<typeof activityKindSchema>;

export const activityLinkKinds = ['recording', 'mediebank', 'document', 'website', 'other'] as const;

export const activityLinkSchema = z
  .object({
    kind: z.enum(activityLinkKinds),
    label: z.string().trim().min(1).max(200),
    url: z.url({ protocol: /^https?$/ }).max(1000),
  })
  .strict();

export const activityParticipantInputSchema = z
  .object({
    actorId: z.uuid(),
    /** How many people took part from this actor, when known. */
    headCount: z.number().int().min(0).max(100_000).nullable().optional(),
  })
  .strict();

export const activityParticipantSchema = z.object({
  actorId: z.uuid(),
  actorName: z.string(),
  actorKind: z.string(),
  headCount: z.number().int().nullable(),
});

export const activitySchema = z.object({
  id: z.uuid(),
  kind: activityKindSchema,
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(5000).nullable(),
  startDate: isoDateSchema,
  /** For activities over a period (photography in autumn 2025); null for one day. */
  endDate: isoDateSchema.nullable(),
  organiserId: z.uuid().nullable(),
  topics: z.array(z.string().trim().min(1).max(100)).max(20),
  outcome: z.string().trim().max(5000).nullable(),
  links: z.array(activityLinkSchema).max(20),
  sampleData: z.boolean(),
  version: z.number().int().min(1),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const activityDetailSchema = activitySchema.extend({
  organiserName: z.string().nullable(),
  participants: z.array(activityParticipantSchema),
  totalHeadCount: z.number().int().nullable(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

const editable = { kind: true, title: true, description: true, startDate: true, endDate: true, organiserId: true, topics: true, outcome: true, links: true } as const;
const participantsSchema = z.array(activityParticipantInputSchema).max(500);

export const activityCreateSchema = activitySchema
  .pick(editable)
  .partial({ description: true, endDate: true, organiserId: true, topics: true, outcome: true, links: true })
  .extend({ participants: participantsSchema.optional() })
  .strict();
export type ActivityCreate = z.infer<typeof activityCreateSchema>;

export const activityUpdateSchema = activitySchema.pick(editable).extend({ participants: participantsSchema }).partial().strict();
export type ActivityUpdate = z.infer<typeof activityUpdateSchema>;

export const activityListQuerySchema = listQuerySchema.extend({
  kind: activityKindSchema.optional(),
  organiser: z.uuid().optional(),
  participant: z.uuid().optional(),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  sort: z.enum(['date', '-date', 'title', '-title']).default('-date'),
});
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

/** Periods activities are counted by: a calendar month, a half year (vår/høst) or a year. */
export const countPeriods = ['month', 'half_year', 'year'] as const;
export const activityCountQuerySchema = activityListQuerySchema
  .pick({ kind: true, organiser: true, participant: true, from: true, to: true })
  .extend({ per: z.enum(countPeriods).default('half_year') });
export type ActivityCountQuery = z.infer<typeof activityCountQuerySchema>;

export const activityCountSchema = z.object({ period: z.string(), count: z.number().int() });
export type ActivityCount = z.infer<typeof activityCountSchema>;

/**
 * The period a date falls in: "2023-10", "2023-H2" (autumn, July–December; H1 is spring,
 * January–June) or "2023".
 */
export function periodOf(date: string, per: (typeof countPeriods)[number]): string {
  const year = date.slice(0, 4);
  const month = Number(date.slice(5, 7));
  if (per === 'year') return year;
  if (per === 'month') return date.slice(0, 7);
  return `${year}-H${month <= 6 ? 1 : 2}`;
}

/** Counts per period, in time order; periods with no activity are left out. */
export function countByPeriod(dates: readonly string[], per: (typeof countPeriods)[number]): ActivityCount[] {
  const counts = new Map<string, number>();
  for (const date of dates) {
    const period = periodOf(date, per);
    counts.set(period, (counts.get(period) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([period, count]) => ({ period, count }));
}
