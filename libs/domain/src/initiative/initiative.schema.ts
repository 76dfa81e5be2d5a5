import { z } from 'zod';
import { isoDateSchema } from '../common/date.schema';
import { listQuerySchema } from '../common/list.schema';
import type { FieldError } from '../common/problem.schema';
import { collaborationLevelSchema, thematicAreaSchema } from '../common/themes';
import { storableText } from '../activity/activity.schema';
import { webUrlSchema } from '../common/text';
import { maskWithout, versionedRecordFields } from '../common/record.schema';

export const initiativeKinds = ['project', 'programme', 'measure', 'pilot', 'network'] as const;
const initiativeKindSchema = z.enum(initiativeKinds);
export type InitiativeKind = z.infer<typeof initiativeKindSchema>;

/** Universitetskommune maturity: 1.0 located, 2.0 project collaboration, 3.0 strategic partnership. */
export const maturityLevels = ['1.0', '2.0', '3.0'] as const;
const maturityLevelSchema = z.enum(maturityLevels);
export type MaturityLevel = z.infer<typeof maturityLevelSchema>;

export const planItemStatuses = ['planned', 'in_progress', 'done', 'dropped'] as const;
const planItemStatusSchema = z.enum(planItemStatuses);
export type PlanItemStatus = z.infer<typeof planItemStatusSchema>;

export const policyLevels = ['eu', 'national', 'regional', 'local'] as const;
const policyLevelSchema = z.enum(policyLevels);

export const extensionStatuses = ['asked', 'granted', 'refused'] as const;

/** Codes of the rules on initiatives (beside zod's own codes), for the UI to translate. */
export const initiativeErrorCodes = {
  endBeforeStart: 'end_before_start',
  decidedBeforeAsked: 'decided_before_asked',
  decidedWhileAsked: 'decided_while_asked',
  extensionNotLater: 'extension_not_later',
  duplicate: 'duplicate',
  parentIsSelf: 'parent_is_self',
  parentCycle: 'parent_cycle',
  parentNotFound: 'parent_not_found',
  actorNotFound: 'actor_not_found',
  activityNotFound: 'activity_not_found',
  agreementNotFound: 'agreement_not_found',
  initiativeNotFound: 'initiative_not_found',
  schoolYear: 'school_year',
} as const;

/** Kroner with øre; the database holds up to 12 digits before the decimal point. */
const money = z.number().min(0).max(999_999_999_999.99);
const webUrl = webUrlSchema(1000);

const budgetSchema = z
  .object({
    granted: money,
    spent: money,
  })
  .strict();
export type Budget = z.infer<typeof budgetSchema>;

const extensionSchema = z
  .object({
    id: z.uuid(),
    /** When the extension was asked for. */
    askedOn: isoDateSchema,
    requestedEnd: isoDateSchema,
    status: z.enum(extensionStatuses),
    decidedOn: isoDateSchema.nullable(),
    note: storableText(0, 2000).nullable(),
  })
  .strict();
export type Extension = z.infer<typeof extensionSchema>;
/** As a client sends it: a new extension has no id yet (the server gives it one). */
const extensionInputSchema = extensionSchema.partial({ id: true, decidedOn: true, note: true });
export type ExtensionInput = z.infer<typeof extensionInputSchema>;

const goalSchema = z.object({ id: z.uuid(), text: storableText(3, 1000) }).strict();
export type Goal = z.infer<typeof goalSchema>;
const goalInputSchema = goalSchema.partial({ id: true });
export type GoalInput = z.infer<typeof goalInputSchema>;

const policyAnchorSchema = z
  .object({
    id: z.uuid(),
    title: storableText(2, 500),
    level: policyLevelSchema,
    /** A year ("2019") or period ("2019–2030"). */
    period: storableText(1, 20).nullable(),
    url: webUrl.nullable(),
  })
  .strict();
export type PolicyAnchor = z.infer<typeof policyAnchorSchema>;
const policyAnchorInputSchema = policyAnchorSchema.partial({ id: true, period: true, url: true });
export type PolicyAnchorInput = z.infer<typeof policyAnchorInputSchema>;

// ---------------------------------------------------------------- plan items

/** A step of an initiative's plan, with its own version (edited one at a time). */
export const planItemSchema = z.object({
  id: z.uuid(),
  initiativeId: z.uuid(),
  /** Order within the initiative's plan, lowest first. */
  position: z.number().int().min(0).max(10_000),
  title: storableText(3, 500),
  description: storableText(0, 5000).nullable(),
  responsibleActorId: z.uuid().nullable(),
  dueDate: isoDateSchema.nullable(),
  status: planItemStatusSchema,
  /** Results: activities and agreements that came of it. */
  activityIds: z.array(z.uuid()).max(200),
  agreementIds: z.array(z.uuid()).max(200),
  /** What came of it, in the words of the responsible organisation. */
  resultText: storableText(0, 5000).nullable(),
  ...versionedRecordFields(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

const resultReferenceSchema = z.object({ id: z.uuid(), title: z.string() });
export type ResultReference = z.infer<typeof resultReferenceSchema>;

export const planItemDetailSchema = planItemSchema.extend({
  initiativeTitle: z.string(),
  responsibleActorName: z.string().nullable(),
  /** The results that still exist, with their titles (ids of deleted ones stay in activityIds/agreementIds). */
  activities: z.array(resultReferenceSchema),
  agreements: z.array(resultReferenceSchema),
});
export type PlanItemDetail = z.infer<typeof planItemDetailSchema>;

const planItemEditable = {
  title: true,
  description: true,
  responsibleActorId: true,
  dueDate: true,
  status: true,
  activityIds: true,
  agreementIds: true,
  position: true,
} as const;

export const planItemCreateSchema = planItemSchema
  .pick(planItemEditable)
  .partial(maskWithout(planItemEditable, 'title'))
  .strict();
export type PlanItemCreate = z.infer<typeof planItemCreateSchema>;

export const planItemUpdateSchema = planItemSchema.pick(planItemEditable).partial().strict();
export type PlanItemUpdate = z.infer<typeof planItemUpdateSchema>;

/**
 * A plan item as the organisation responsible for it sees it: without the activities and
 * agreements linked as results, which it may not be allowed to see, and without the id of the
 * initiative (the county's own record; its title says which plan the item belongs to).
 */
export const ownPlanItemSchema = planItemSchema.omit({ initiativeId: true, activityIds: true, agreementIds: true }).extend({
  initiativeTitle: z.string(),
});
export type OwnPlanItem = z.infer<typeof ownPlanItemSchema>;

/** What the responsible organisation may change: how far it has come, and what came of it. */
export const ownPlanItemUpdateSchema = planItemSchema.pick({ status: true, resultText: true }).partial().strict();
export type OwnPlanItemUpdate = z.infer<typeof ownPlanItemUpdateSchema>;

export const planItemListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  status: planItemStatusSchema.optional(),
  /** Only items not done or dropped: "what is still ahead". */
  open: z.enum(['true', 'false']).optional(),
  /** Items due on or before this date (items without a due date are left out). */
  dueBefore: isoDateSchema.optional(),
  initiative: z.uuid().optional(),
  responsible: z.uuid().optional(),
  sort: z.enum(['due', '-due', 'updated', '-updated']).default('due'),
});
export type PlanItemListQuery = z.infer<typeof planItemListQuerySchema>;

/** The plan items the user's own organisation is responsible for, soonest due first. */
export const ownPlanItemListQuerySchema = planItemListQuerySchema.pick({ page: true, pageSize: true, status: true, open: true });
export type OwnPlanItemListQuery = z.infer<typeof ownPlanItemListQuerySchema>;

interface PlanItemShape {
  activityIds: readonly string[];
  agreementIds: readonly string[];
}

/** A result is linked once. `prefix` is where the item sits in the request ("planItems.2."). */
export function planItemRuleViolations(item: PlanItemShape, prefix = ''): FieldError[] {
  return [...duplicates(item.activityIds, `${prefix}activityIds`), ...duplicates(item.agreementIds, `${prefix}agreementIds`)];
}

function duplicates(values: readonly string[], path: string): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) errors.push({ path: `${path}.${index}`, code: initiativeErrorCodes.duplicate, message: 'Listed already' });
    seen.add(value);
  });
  return errors;
}

// ---------------------------------------------------------------- initiatives

export const initiativeSchema = z.object({
  id: z.uuid(),
  kind: initiativeKindSchema,
  title: storableText(3, 300),
  description: storableText(0, 10_000).nullable(),
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
  policyAnchors: z.array(policyAnchorSchema).max(200),
  themes: z.array(thematicAreaSchema).max(20),
  levels: z.array(collaborationLevelSchema).max(3),
  maturityLevel: maturityLevelSchema.nullable(),
  /**
   * The societal effect as the county assessed it, 1 (little) to 5 (great), for ranking the
   * portfolio; null when not assessed. Optional so that older clients and mocks need not send it.
   */
  societalEffect: z.number().int().min(1).max(5).nullable().optional(),
  /** Invented details (amounts, dates) in the sample dataset; the description says which. */
  sampleData: z.boolean(),
  ...versionedRecordFields(),
});
export type Initiative = z.infer<typeof initiativeSchema>;

/** A list row: the initiative with the names it refers to and the figures derived from it. */
export const initiativeSummarySchema = initiativeSchema.extend({
  parentTitle: z.string().nullable(),
  ownerName: z.string().nullable(),
  funderName: z.string().nullable(),
  currentEndDate: isoDateSchema.nullable(),
  remainingFunds: z.number().nullable(),
  planItemCount: z.number().int().min(0),
});
export type InitiativeSummary = z.infer<typeof initiativeSummarySchema>;

const initiativeReferenceSchema = z.object({ id: z.uuid(), kind: initiativeKindSchema, title: z.string() });

export const initiativeDetailSchema = initiativeSummarySchema.extend({
  /** In plan order. */
  planItems: z.array(planItemDetailSchema),
  /** The measures of a programme. */
  children: z.array(initiativeReferenceSchema),
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
  themes: true,
  levels: true,
  maturityLevel: true,
  societalEffect: true,
} as const;

const listsInput = {
  extensions: z.array(extensionInputSchema).max(50),
  goals: z.array(goalInputSchema).max(50),
  policyAnchors: z.array(policyAnchorInputSchema).max(200),
};

export const initiativeCreateSchema = initiativeSchema
  .pick(editable)
  .partial(maskWithout(editable, 'kind', 'title'))
  .extend({
    extensions: listsInput.extensions.optional(),
    goals: listsInput.goals.optional(),
    policyAnchors: listsInput.policyAnchors.optional(),
    /** The first plan; later items are added one at a time under /plan-items. */
    planItems: z.array(planItemCreateSchema).max(200).optional(),
  })
  .strict();
export type InitiativeCreate = z.infer<typeof initiativeCreateSchema>;

/** The initiative's own fields; lists given (extensions, goals, policy anchors) replace the stored ones. */
export const initiativeUpdateSchema = initiativeSchema.pick(editable).extend(listsInput).partial().strict();
export type InitiativeUpdate = z.infer<typeof initiativeUpdateSchema>;

/** Where an initiative's period stands today: not started, running (till its current end), ended. */
export const initiativePeriods = ['upcoming', 'ongoing', 'ended'] as const;
const initiativePeriodSchema = z.enum(initiativePeriods);

export const initiativeListQuerySchema = listQuerySchema.extend({
  kind: initiativeKindSchema.optional(),
  /** Initiatives with this thematic area among theirs. */
  theme: thematicAreaSchema.optional(),
  period: initiativePeriodSchema.optional(),
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
  return budget === null ? null : Math.round((budget.granted - budget.spent) * 100) / 100;
}

interface InitiativeShape {
  id?: string;
  parentId: string | null;
  startDate: string | null;
  plannedEndDate: string | null;
  extensions: ReadonlyArray<{ id?: string | undefined; askedOn: string; requestedEnd: string; status: string; decidedOn?: string | null | undefined }>;
  goals: ReadonlyArray<{ id?: string | undefined }>;
  policyAnchors: ReadonlyArray<{ id?: string | undefined }>;
}

/**
 * The rules an initiative keeps beyond the shape of its fields: its period runs forward, an
 * extension is decided after it was asked for (and not while it is only asked) and moves the
 * end later, list entries have distinct ids, and it is not its own parent.
 */
export function initiativeRuleViolations(initiative: InitiativeShape): FieldError[] {
  const errors: FieldError[] = [];
  if (initiative.startDate !== null && initiative.plannedEndDate !== null && initiative.plannedEndDate < initiative.startDate) {
    errors.push({ path: 'plannedEndDate', code: initiativeErrorCodes.endBeforeStart, message: 'The planned end is before the start' });
  }
  initiative.extensions.forEach((extension, index) => {
    const decidedOn = extension.decidedOn ?? null;
    if (decidedOn !== null && extension.status === 'asked') {
      errors.push({
        path: `extensions.${index}.decidedOn`,
        code: initiativeErrorCodes.decidedWhileAsked,
        message: 'An extension only asked for has no decision date; set status to granted or refused',
      });
    } else if (decidedOn !== null && decidedOn < extension.askedOn) {
      errors.push({ path: `extensions.${index}.decidedOn`, code: initiativeErrorCodes.decidedBeforeAsked, message: 'Decided before it was asked for' });
    }
    if (initiative.plannedEndDate !== null && extension.requestedEnd <= initiative.plannedEndDate) {
      errors.push({
        path: `extensions.${index}.requestedEnd`,
        code: initiativeErrorCodes.extensionNotLater,
        message: 'An extension ends after the planned end',
      });
    }
  });
  for (const [list, path] of [
    [initiative.extensions, 'extensions'],
    [initiative.goals, 'goals'],
    [initiative.policyAnchors, 'policyAnchors'],
  ] as const) {
    const seen = new Set<string>();
    list.forEach((entry, index) => {
      if (entry.id === undefined) return;
      if (seen.has(entry.id)) errors.push({ path: `${path}.${index}.id`, code: initiativeErrorCodes.duplicate, message: 'Two entries have this id' });
      seen.add(entry.id);
    });
  }
  if (initiative.id !== undefined && initiative.parentId === initiative.id) {
    errors.push({ path: 'parentId', code: initiativeErrorCodes.parentIsSelf, message: 'An initiative cannot be its own parent' });
  }
  return errors;
}

// ---------------------------------------------------------------- mobility counts

/** Mobility in education (IHP measure 3): counts only, never persons. */
export const mobilityCategories = ['apprentice', 'pupil', 'teacher', 'instructor'] as const;
const mobilityCategorySchema = z.enum(mobilityCategories);
export type MobilityCategory = z.infer<typeof mobilityCategorySchema>;

/** "2024/25": the second year follows the first. */
export const schoolYearSchema = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'A school year is written 2024/25')
  .refine((year) => (Number(year.slice(0, 4)) + 1) % 100 === Number(year.slice(5, 7)), {
    message: 'The second year follows the first, as in 2024/25',
    params: { code: initiativeErrorCodes.schoolYear },
  })
  .meta({ example: '2024/25' });

export const mobilityCountSchema = z.object({
  id: z.uuid(),
  actorId: z.uuid(),
  actorName: z.string(),
  schoolYear: schoolYearSchema,
  category: mobilityCategorySchema,
  count: z.number().int().min(0).max(100_000),
  initiativeId: z.uuid().nullable(),
  initiativeTitle: z.string().nullable(),
  sampleData: z.boolean(),
});
export type MobilityCount = z.infer<typeof mobilityCountSchema>;

/** One count, set for an actor, school year and category (a second PUT of the same three replaces it). */
export const mobilityCountInputSchema = mobilityCountSchema
  .pick({ actorId: true, schoolYear: true, category: true, count: true, initiativeId: true })
  .partial({ initiativeId: true })
  .strict();
export type MobilityCountInput = z.infer<typeof mobilityCountInputSchema>;

export const mobilityCountQuerySchema = listQuerySchema.omit({ q: true }).extend({
  initiative: z.uuid().optional(),
  actor: z.uuid().optional(),
  schoolYear: schoolYearSchema.optional(),
  category: mobilityCategorySchema.optional(),
});
export type MobilityCountQuery = z.infer<typeof mobilityCountQuerySchema>;
