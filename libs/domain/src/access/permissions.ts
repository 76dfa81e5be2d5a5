// The words of the policy (policy.ts): what is acted on and how. Apart from the table (and from
// zod) so that an app's first download, which only reads the permissions GET /api/me sends, carries
// neither.

/** What is acted on. Each API route names one resource and one action (its policy). */
export const resources = [
  'reference',
  'actor',
  'service',
  'contact',
  'agreement',
  'coverage',
  'activity',
  'initiative',
  'audit',
  'search',
  'user',
  'catchment_request',
  'student_count',
  'liaison_note',
  'participation',
  'survey',
  'opening_hours',
  /** A party's acceptance of an agreement (its answer, and the tasks waiting for one); the county's agreement settings are `agreement` update. */
  'agreement_acceptance',
  /** The county's agreement templates (one per kind): the county reads them, its admin keeps them. */
  'agreement_template',
  /** Photos of a library or branch (visibility: the actor's; changed with its services and contacts). */
  'photo',
  'import',
  /** Plan items seen and moved on by the organisation responsible for them (status and result only); the county keeps the plans as `initiative`. */
  'plan_item',
  /** The user's own account: profile, password, notification settings, and their inbox (every role; always their own). */
  'account',
  /** The organisation's calendar feed: the secret address a calendar app subscribes to (read: whether there is one; create: make a new one, which revokes the old). */
  'calendar_feed',
] as const;
export type Resource = (typeof resources)[number];

export const actions = ['read', 'create', 'update', 'delete', 'transition', 'export'] as const;
export type Action = (typeof actions)[number];

/** What one role may do: for each resource, its actions (policy.ts `policyTable`, as /api/me sends it). */
export type Permissions = Partial<Record<Resource, readonly Action[]>>;
