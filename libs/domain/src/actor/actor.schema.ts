import { z } from 'zod';
import { libraryNumberSchema } from '../identifiers/library-number';
import { organisationNumberSchema } from '../identifiers/organisation-number';
import { listQuerySchema } from '../common/list.schema';
import { plainTextSchema, webUrlSchema } from '../common/text';
import { municipalityNumberSchema } from '../municipality/municipality.schema';
import { actorKindSchema } from './actor-kind';
import { maskWithout, versionedRecordFields } from '../common/record.schema';

/** An organisation: library, study centre, university, county body, … */
export const actorSchema = z.object({
  id: z.uuid(),
  kind: actorKindSchema,
  name: plainTextSchema(200, 2),
  shortName: plainTextSchema(50, 1).nullable(),
  organisationNumber: organisationNumberSchema.nullable(),
  libraryNumber: libraryNumberSchema.nullable(),
  municipalityNumber: municipalityNumberSchema.nullable(),
  parentId: z.uuid().nullable(),
  address: plainTextSchema(300).nullable(),
  website: webUrlSchema(500).nullable(),
  email: z.email().max(254).nullable(),
  phone: z.string().trim().regex(/^\+?[\d ]{5,20}$/, 'A phone number has digits and spaces, optionally a leading +').nullable(),
  description: plainTextSchema(2000).nullable(),
  archivedAt: z.iso.datetime({ offset: true }).nullable(),
  ...versionedRecordFields(),
});
export type Actor = z.infer<typeof actorSchema>;

/** What a list row and a page show beside the actor's own fields. */
export const actorSummarySchema = actorSchema.extend({
  municipalityName: z.string().nullable(),
  regionId: z.uuid().nullable(),
  regionName: z.string().nullable(),
  parentName: z.string().nullable(),
});
export type ActorSummary = z.infer<typeof actorSummarySchema>;

const actorReferenceSchema = z.object({
  id: z.uuid(),
  kind: actorKindSchema,
  name: z.string(),
  archivedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ActorReference = z.infer<typeof actorReferenceSchema>;

export const actorDetailSchema = actorSummarySchema.extend({
  children: z.array(actorReferenceSchema),
});
export type ActorDetail = z.infer<typeof actorDetailSchema>;

const editableFields = {
  kind: true,
  name: true,
  shortName: true,
  organisationNumber: true,
  libraryNumber: true,
  municipalityNumber: true,
  parentId: true,
  address: true,
  website: true,
  email: true,
  phone: true,
  description: true,
} as const;

/** Creating an actor: kind and name are needed, every other field may be left out (null). */
export const actorCreateSchema = actorSchema
  .pick(editableFields)
  .partial(maskWithout(editableFields, 'kind', 'name'))
  .strict();
export type ActorCreate = z.infer<typeof actorCreateSchema>;

/** Updating: any subset of the editable fields. */
export const actorUpdateSchema = actorSchema.pick(editableFields).partial().strict();
export type ActorUpdate = z.infer<typeof actorUpdateSchema>;

/**
 * What a partner (a library, a study centre) changes on its own record: how to reach it and what
 * it says of itself. What it is, its name and register numbers, and where it belongs (who reaches
 * it) are the county's (mayRestructureActors).
 */
export const actorFieldsPartnersChange = ['address', 'website', 'email', 'phone', 'description'] as const satisfies ReadonlyArray<keyof ActorUpdate>;

/** The fields an update changes that a partner may not (none: it may make it). */
export function fieldsOnlyTheCountyChanges(changes: ActorUpdate, before: Required<ActorUpdate>): (keyof ActorUpdate)[] {
  return (Object.keys(changes) as (keyof ActorUpdate)[]).filter(
    (field) => changes[field] !== undefined && changes[field] !== before[field] && !(actorFieldsPartnersChange as readonly string[]).includes(field),
  );
}

const actorSortKeys = ['name', '-name', 'kind', '-kind', 'municipality', '-municipality', 'updated', '-updated'] as const;
const actorSortSchema = z.enum(actorSortKeys);

export const actorListQuerySchema = listQuerySchema.extend({
  kind: actorKindSchema.optional(),
  municipality: municipalityNumberSchema.optional(),
  region: z.uuid().optional(),
  parent: z.uuid().optional(),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
  sort: actorSortSchema.default('name'),
});
export type ActorListQuery = z.infer<typeof actorListQuerySchema>;
