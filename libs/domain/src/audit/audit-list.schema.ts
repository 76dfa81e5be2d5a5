import { z } from 'zod';
import { listQuerySchema } from '../common/list.schema';

/**
 * The audit log's query (`GET /api/audit`): newest first, by kind of record ("actor",
 * "service"), and with `id` the history of one record. The history screens read their URL
 * with it; the server's route states the same (and may take it from here).
 */
export const auditListQuerySchema = listQuerySchema.omit({ q: true }).extend({
  entity: z
    .string()
    .regex(/^[a-z][a-z0-9_-]{0,49}$/, 'An entity type such as "actor" or "service"')
    .optional(),
  id: z
    .string()
    .regex(/^[\w.:-]{1,100}$/, 'The id of a record')
    .optional(),
});

/**
 * Every kind of record the audit log holds entries about (its `entity`): the log's type filter
 * offers them all. The database types the column with it, so the server writes no other.
 */
export const auditedEntities = [
  'actor',
  'agreement',
  'agreement_template',
  'activity',
  'calendar_feed',
  'service',
  'opening_hours',
  'photo',
  'contact',
  'initiative',
  'plan_item',
  'mobility_count',
  'survey',
  'student_counts',
  'liaison_note',
  'catchment_request',
  'county_setting',
  'user',
  'sample-data',
] as const;
export type AuditedEntity = (typeof auditedEntities)[number];

/** The kinds of record the sample data loader notes in the audit log, each load with its count ("sample-data" entries). */
export const sampleDataKinds = ['actor', 'initiative', 'service', 'activity', 'contact'] as const;
export type SampleDataKind = (typeof sampleDataKinds)[number];
