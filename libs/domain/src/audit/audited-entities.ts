// Plain lists without zod: an app's first JavaScript imports them (the history feature's
// context), and a module with schemas would pull zod into every app's entry (25 KiB gzip).

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
export const sampleDataKinds = ['actor', 'initiative', 'service', 'activity', 'contact', 'survey'] as const;
export type SampleDataKind = (typeof sampleDataKinds)[number];
