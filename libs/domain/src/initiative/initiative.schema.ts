import { z } from 'zod';
import { isoDateSchema, timestampSchema } from '../common/dates';
import { listQuerySchema } from '../common/list.schema';
import { collaborationLevelSchema, thematicAreaSchema } from '../common/themes';

export const initiativeKinds = ['project', 'programme', 'measure', 'pilot', 'network'] as const;
export const initiativeKindSchema = z.enum(initiativeKinds);
export type InitiativeKind = z.infer<typeof initiativeKindSchema>;

/** Universitetskommune maturity: 1.0 located, 2.0 project collaboration, 3.0 strategic partnership. */
export const maturityLevels = ['1.0', '2.0', '3.0'] as const;
export const maturityLevelSchema = z.enum(maturityLevels);

export const planItemStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const planItemStatusSchema = z.enum(planItemStatuses);
export type PlanItemStatus = z.infer<typeof planItemStatusSchema>;

export const policyLevels = ['eu', 'national', 'regional', 'local'] as const;
export const policyLevelSchema = z.enum(policyLevels);

export const extensionStatuses = ['asked', 'granted', 'refused'] as const;

const money = z.number().min(0).max(1_000_000_000_000);

export const budgetSchema = z
  .object({
    granted: money,
    spent: money,
  })
  .strict();
export type Budget = z.infer<typeof budgetSchema>;

export const extensionSchema = z
  .object({
    id: z.uuid(),
    /** When the extension was asked for. */
    askedOn: isoDateSchema,
    requestedEnd: isoDateSchema,
    status: z.enum(extensionStatuses),
    decidedOn: isoDateSchema.nullable(),
    note: z.string().trim().max(2000).nullable(),
  })
  .strict();
export type Extension = z.infer<typeof extensionSchema>;

export const goalSchema = z.object({ id: z.uuid(), text: z.string().trim().min(3).max(1000) }).strict();

export const planItemSchema = z
  .object({
    id: z.uuid(),
    title: z.string().trim().min(3).max(500),
    description: z.string().trim().max(5000).nullable(),
    responsibleActorId: z.uuid().nullable(),
    dueDate: isoDateSchema.nullable(),
    status: planItemStatusSchema,
    /** Results: activities and agreements that came of it. */
    activityIds: z.array(z.uuid()).max(200),
    agreementIds: z.array(z.uuid()).max(200),
  })
  .strict();
export type PlanItem = z.infer<typeof planItemSchema>;

export const policyAnchorSchema = z
  .object({
    id: z.uuid(),
    title: z.string().trim().min(2).max(500),
    level: policyLevelSchema,
    /** A year ("2019") or period ("2019–2030"). */
    period: z.string().trim().max(20).nullable(),
    url: z.url({ protocol: /^https?$/ }).max(1000).nullable(),
  })
  .strict();
export type PolicyAnchor = z.infer<typeof policyAnchorSchema>;

export const initiativeSchema = z.object({
  id: z.uuid(),
  kind: initiativeKindSchema,
  title: z.string().trim().min(3).max(300),
  description: z.string().trim().max(10_000).nullable(),
  /** A measure inside a programme (the IHP's three measures). */
  parentId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  funderId: z.uuid().nullable(),
  budget: budgetSchema.nullable(),
  startDate: isoDateSchema.nullable(),
  /** The end first planned; extensions move the current end. */
  plannedEndDate: isoDateSchema.nullable(),
  extensions: z.array(extensionSchema).max(50),
  goals: z.array(goalSchema).max(50),
  planItems: z.array(planItemSchema).max(200),
  policyAnchors: z.array(policyAnchorSchema).max(200),
  themes: z.array(thematicAreaSchema).max(20),
  levels: z.array(collaborationLevelSchema).max(3),
  maturityLevel: maturityLevelSchema.nullable(),
  sampleData: z.boolean(),
  version: z.number().int().min(1),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Initiative = z.infer<typeof initiativeSchema>;

export const initiativeDetailSchema = initiativeSchema.extend({
  ownerName: z.string().nullable(),
  funderName: z.string().nullable(),
  currentEndDate: isoDateSchema.nullable(),
  remainingFunds: z.number().nullable(),
});
export type InitiativeDetail = z.infer<typeof initiativeDetailSchema>;

const editable = {
  kind: true,
  title: true,
  description: true,
  parentId: true,
  ownerId: true,
  funderId: true,
  budget: true,
  startDate: true,
  plannedEndDate: true,
  extensions: true,
  goals: true,
  planItems: true,
  policyAnchors: true,
  themes: true,
  levels: true,
  maturityLevel: true,
} as const;

export const initiativeCreateSchema = initiativeSchema
  .pick(editable)
  .partial({
    description: true,
    parentId: true,
    ownerId: true,
    funderId: true,
    budget: true,
    startDate: true,
    plannedEndDate: true,
    extensions: true,
    goals: true,
    planItems: true,
    policyAnchors: true,
    themes: true,
    levels: true,
    maturityLevel: true,
  })
  .strict();
export type InitiativeCreate = z.infer<typeof initiativeCreateSchema>;

export const initiativeUpdateSchema = initiativeSchema.pick(editable).partial().strict();
export type InitiativeUpdate = z.infer<typeof initiativeUpdateSchema>;

export const initiativeListQuerySchema = listQuerySchema.extend({
  kind: initiativeKindSchema.optional(),
  owner: z.uuid().optional(),
  parent: z.uuid().optional(),
  sort: z.enum(['title', '-title', 'start', '-start', 'updated', '-updated']).default('title'),
});
export type InitiativeListQuery = z.infer<typeof initiativeListQuerySchema>;

/** The end in force: the latest granted extension's, else the planned end. */
export function currentEndDate(initiative: Pick<Initiative, 'plannedEndDate' | 'extensions'>): string | null {
  const granted = initiative.extensions.filter((e) => e.status === 'granted').map((e) => e.requestedEnd);
  return [initiative.plannedEndDate, ...granted].filter((d): d is string => d !== null).sort().at(-1) ?? null;
}

export function remainingFunds(budget: Budget | null): number | null {
  return budget === null ? null : budget.granted - budget.spent;
}

/** Mobility in education (IHP measure 3): counts only, never persons. */
export const mobilityCategories = ['apprentice', 'pupil', 'teacher', 'instructor'] as const;
export const mobilityCountSchema = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  /** "2024/25" */
  schoolYear: z.string().regex(/^\d{4}\/\d{2}$/, 'A school year is written 2024/25'),
  category: z.enum(mobilityCategories),
  count: z.number().int().min(0).max(100_000),
  initiativeId: z.uuid().nullable(),
  sampleData: z.boolean(),
});
export type MobilityCount = z.infer<typeof mobilityCountSchema>;
