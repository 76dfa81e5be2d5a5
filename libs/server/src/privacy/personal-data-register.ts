// The register of personal data (GDPR art. 30): every column of the database is classified here,
// either as personal data — what it holds, about whom, why, how long it is kept and what an
// erasure does to it — or as not personal. `erasure.int.test.ts` compares it with
// the schema, so a new column fails the build until it is classified; the contact erasure walks
// the columns marked `erasedBy`, and the record of processing is generated from it.

/** Whose data a column holds. */
export type DataSubject = 'contact' | 'user' | 'caller';

/** What a person's erasure (a contact's, GDPR art. 17) does to the column. */
export type Erasure =
  /** The column is in the person's own row: the row is deleted. */
  | { by: 'row' }
  /** Another record holds the person's e-mail or name: set to null where it equals hers. */
  | { by: 'match'; on: 'email' | 'name'; versioned: boolean }
  /** The audit log: entries about her are redacted, her name and e-mail scrubbed from the others. */
  | { by: 'audit' }
  /** A JSON column of other records (an imported file's rows): her name and e-mail replaced wherever they stand as a whole value. */
  | { by: 'scrub' }
  /** Not erased on request; `why`. */
  | { by: 'kept'; why: string };

export interface PersonalColumn {
  holds: string;
  subject: DataSubject;
  purpose: Purpose;
  retention: string;
  erasure: Erasure;
}

/** The purposes of processing, as the record of processing names them. */
export const purposes = {
  cooperation: 'Running the cooperation: who to contact at each partner, who confirmed what, and who answered a survey',
  accounts: 'User accounts, login and sessions: who may see and change what',
  security: 'Protecting the service against password guessing and abuse',
  accountability: 'Accountability: the audit log of every change (who changed what, when)',
} as const;
export type Purpose = keyof typeof purposes;

const row = { by: 'row' } as const;
const kept = (why: string) => ({ by: 'kept', why }) as const;
const userReference = (holds: string): PersonalColumn => ({
  holds,
  subject: 'user',
  purpose: 'accountability',
  retention: 'As long as the record',
  erasure: kept('a reference to a user account (disabled, not erased); holds no name or e-mail itself'),
});

/** The columns that hold personal data, by table. */
export const personalColumns: Record<string, Record<string, PersonalColumn>> = {
  contact: {
    name: { holds: 'name', subject: 'contact', purpose: 'cooperation', retention: 'Until the partner removes or erases the contact', erasure: row },
    sort_key: { holds: 'the name, as sorted', subject: 'contact', purpose: 'cooperation', retention: 'As the name', erasure: row },
    role: { holds: 'role at the partner', subject: 'contact', purpose: 'cooperation', retention: 'As the name', erasure: row },
    email: { holds: 'e-mail address', subject: 'contact', purpose: 'cooperation', retention: 'As the name', erasure: row },
    phone: { holds: 'telephone number', subject: 'contact', purpose: 'cooperation', retention: 'As the name', erasure: row },
  },
  actor: {
    email: {
      holds: 'an organisation’s e-mail address (personal when it is a person’s)',
      subject: 'contact',
      purpose: 'cooperation',
      retention: 'As long as the organisation is registered',
      erasure: { by: 'match', on: 'email', versioned: true },
    },
    phone: { holds: 'an organisation’s telephone number', subject: 'contact', purpose: 'cooperation', retention: 'As the organisation', erasure: kept('an organisation’s switchboard, not a person’s') },
  },
  survey_recipient: {
    email: { holds: 'the e-mail a survey was sent to', subject: 'contact', purpose: 'cooperation', retention: 'As long as the survey', erasure: { by: 'match', on: 'email', versioned: false } },
    answered_by: { holds: 'name of who answered', subject: 'contact', purpose: 'cooperation', retention: 'As long as the survey', erasure: { by: 'match', on: 'name', versioned: false } },
  },
  service: {
    confirmed_by: { holds: 'name of who confirmed the service', subject: 'contact', purpose: 'cooperation', retention: 'Until the next confirmation', erasure: { by: 'match', on: 'name', versioned: true } },
  },
  audit_entry: {
    user_id: userReference('who made the change'),
    before: { holds: 'the record before a change (contacts redacted)', subject: 'contact', purpose: 'accountability', retention: 'As long as the record', erasure: { by: 'audit' } },
    after: { holds: 'the record after a change (contacts redacted)', subject: 'contact', purpose: 'accountability', retention: 'As long as the record', erasure: { by: 'audit' } },
  },
  app_user: {
    email: { holds: 'e-mail address (the login)', subject: 'user', purpose: 'accounts', retention: 'Until the account is removed', erasure: kept('accounts are disabled by the county, so the audit log keeps saying who did what') },
    name: { holds: 'name', subject: 'user', purpose: 'accounts', retention: 'As the account', erasure: kept('as the e-mail') },
    password_hash: { holds: 'argon2id hash of the password', subject: 'user', purpose: 'accounts', retention: 'As the account', erasure: kept('as the e-mail') },
  },
  login_attempt: {
    email: { holds: 'e-mail typed at login', subject: 'caller', purpose: 'security', retention: '90 days, then deleted', erasure: kept('deleted after 90 days') },
    address: { holds: 'IP address of the caller', subject: 'caller', purpose: 'security', retention: '90 days, then deleted', erasure: kept('deleted after 90 days') },
  },
  rate_limit_event: {
    key: { holds: 'IP address of the caller', subject: 'caller', purpose: 'security', retention: 'A day, then deleted', erasure: kept('deleted after a day') },
  },
  reminder_sent: {
    recipient: { holds: 'e-mail a reminder went to', subject: 'user', purpose: 'cooperation', retention: 'As the record reminded of', erasure: { by: 'match', on: 'email', versioned: false } },
  },
  liaison_note: {
    body: { holds: 'free text, may name people', subject: 'contact', purpose: 'cooperation', retention: 'As long as the channel', erasure: kept('free text: the author edits it') },
    author_user_id: userReference('who wrote the note'),
  },
  liaison_note_version: {
    body: { holds: 'free text, may name people', subject: 'contact', purpose: 'cooperation', retention: 'As the note', erasure: kept('free text: the author edits it') },
    edited_by: userReference('who edited the note'),
  },
  membership: { user_id: userReference('the user’s access to an organisation') },
  user_session: { user_id: userReference('the user of a session') },
  password_reset: { user_id: userReference('the user a link is for') },
  liaison_digest_subscription: { user_id: userReference('who gets the digest') },
  liaison_digest_delivery: { user_id: userReference('who got a digest') },
  notification_setting: { user_id: userReference('whose choice of inbox e-mail') },
  agreement_document: { uploaded_by: userReference('who uploaded the document') },
  agreement_transition: { user_id: userReference('who moved the agreement on'), note: { holds: 'free text note', subject: 'contact', purpose: 'accountability', retention: 'As the agreement', erasure: kept('free text') } },
  catchment_request: {
    requested_by: userReference('who asked'),
    decided_by: userReference('who decided'),
    reason: { holds: 'free text', subject: 'contact', purpose: 'cooperation', retention: 'As the request', erasure: kept('free text') },
    decision_note: { holds: 'free text', subject: 'contact', purpose: 'cooperation', retention: 'As the request', erasure: kept('free text') },
  },
  survey: { created_by: userReference('who sent the survey') },
  mail_out: { created_by: userReference('who started the mail-out') },
  rate_limit_window: {
    bucket: { holds: 'IP address of a caller of the open data API', subject: 'caller', purpose: 'security', retention: 'An hour, then deleted', erasure: kept('deleted after an hour') },
  },
  agreement_party: {
    decided_by: userReference('who accepted or declined for the party'),
    decision_comment: { holds: 'free text comment on a decision', subject: 'contact', purpose: 'cooperation', retention: 'As the agreement', erasure: kept('free text') },
  },
  agreement_amendment: {
    proposed_by: userReference('who proposed the amendment'),
    reason: { holds: 'free text: why the agreement changed', subject: 'contact', purpose: 'cooperation', retention: 'As the agreement', erasure: kept('free text') },
  },
  import_batch: {
    created_by: userReference('who imported the file'),
    rows: {
      holds: 'the rows of an imported file (organisations, services, opening hours; a contact file holds people’s names, roles, e-mails and phones)',
      subject: 'contact',
      purpose: 'cooperation',
      retention: 'As the import (undo within 30 days)',
      erasure: { by: 'scrub' },
    },
    job_started_by: userReference('who started the import’s preview or apply'),
    preview: {
      holds: 'the last preview of an import: its rows as read (a contact file’s names, e-mails and phones)',
      subject: 'contact',
      purpose: 'cooperation',
      retention: 'As the import',
      erasure: kept('the preview of the file as it was imported'),
    },
  },
  import_change: {
    before: { holds: 'an actor, contact, service or opening hours before an import changed it (a contact’s name, role, e-mail and phone)', subject: 'contact', purpose: 'accountability', retention: 'As the import', erasure: { by: 'scrub' } },
  },
  import_mapping: { created_by: userReference('who saved the column mapping') },
  report_file: { requested_by: userReference('who asked for the report file') },
  calendar_feed: { created_by: userReference('who made the organisation’s calendar link') },
  photo: {
    photographer: {
      holds: 'name of the photographer',
      subject: 'contact',
      purpose: 'cooperation',
      retention: 'As the photo',
      erasure: kept('the credit the Copyright Act (åndsverkloven § 104) requires while the photo is shown; the library removes the photo'),
    },
  },
  photo_image: {
    bytes: { holds: 'a photograph of a library (may show people)', subject: 'contact', purpose: 'cooperation', retention: 'As the photo', erasure: kept('the library removes the photo') },
  },
};

/** The columns that hold no personal data, by table. */
export const notPersonalColumns: Record<string, readonly string[]> = {
  activity: ['id', 'kind', 'title', 'description', 'start_date', 'end_date', 'start_time', 'end_time', 'place', 'online_url', 'organiser_id', 'topics', 'outcome', 'links', 'sample_data', 'search_vector', 'title_vector', 'version', 'created_at', 'updated_at'],
  activity_participant: ['activity_id', 'actor_id', 'head_count'],
  actor: ['id', 'kind', 'name', 'sort_key', 'short_name', 'organisation_number', 'library_number', 'municipality_number', 'parent_id', 'address', 'website', 'description', 'archived_at', 'version', 'created_at', 'updated_at', 'search_vector', 'title_vector', 'library_order'],
  agreement: ['id', 'title', 'sort_key', 'kind', 'status', 'description', 'levels', 'themes', 'start_date', 'end_date', 'renews_id', 'sample_data', 'search_vector', 'title_vector', 'version', 'created_at', 'updated_at'],
  agreement_amendment: ['id', 'agreement_id', 'number', 'status', 'changes', 'proposed_at', 'in_force_at'],
  agreement_amendment_party: ['amendment_id', 'actor_id', 'accepted_at'],
  agreement_document: ['id', 'agreement_id', 'filename', 'size_bytes', 'sha256', 'uploaded_at'],
  agreement_party: ['agreement_id', 'actor_id', 'role', 'position', 'accepted_at', 'declined_at'],
  agreement_service: ['agreement_id', 'actor_id', 'service_id'],
  agreement_template: ['id', 'kind', 'title', 'clauses', 'version', 'created_at', 'updated_at'],
  // note_params: what a coded note mentions, the names of organisations (parties), not of people.
  agreement_transition: ['id', 'agreement_id', 'from_status', 'to_status', 'at', 'note_code', 'note_params'],
  app_user: ['id', 'disabled_at', 'version', 'created_at', 'updated_at'],
  audit_entry: ['id', 'occurred_at', 'entity', 'entity_id', 'action'],
  calendar_feed: ['organisation_id', 'token_hash', 'created_at'],
  catchment_area: ['study_centre_id', 'municipality_number'],
  catchment_request: ['id', 'study_centre_id', 'add_numbers', 'remove_numbers', 'status', 'decided_at', 'version', 'created_at', 'updated_at'],
  contact: ['id', 'actor_id', 'version', 'created_at', 'updated_at'],
  county_setting: ['id', 'agreement_expiring_days', 'version', 'created_at', 'updated_at'],
  erased_record: ['table_name', 'record_id', 'erased_at'],
  import_batch: [
    'id',
    'target',
    'status',
    'file_name',
    'headers',
    'mapping',
    'counts',
    'created_at',
    'applied_at',
    'undone_at',
    'job_kind',
    'job_status',
    'job_phase',
    'job_done',
    'job_total',
    'job_attempts',
    'job_error',
    'job_request',
    'job_queued_at',
  ],
  import_change: ['batch_id', 'record_id', 'entity', 'version_after'],
  import_mapping: ['id', 'name', 'mapping', 'updated_at'],
  initiative: ['id', 'kind', 'title', 'sort_key', 'description', 'parent_id', 'owner_id', 'funder_id', 'budget_granted', 'budget_spent', 'start_date', 'planned_end_date', 'extensions', 'goals', 'policy_anchors', 'themes', 'levels', 'maturity_level', 'sample_data', 'search_vector', 'title_vector', 'version', 'created_at', 'updated_at', 'societal_effect'],
  kysely_migration: ['name', 'timestamp'],
  kysely_migration_lock: ['id', 'is_locked'],
  liaison_digest_delivery: ['note_id', 'sent_at'],
  liaison_digest_subscription: ['created_at'],
  liaison_note: ['id', 'university_id', 'target_actor_id', 'target_region_id', 'author_organisation_id', 'version', 'created_at', 'updated_at'],
  library_service_tally: ['municipality_number', 'service_type', 'libraries'],
  agreement_region: ['region_id', 'agreement_id', 'status', 'sort_key'],
  agreement_status_tally: ['status', 'agreements'],
  data_repair: ['name', 'applied_at', 'changed'],
  liaison_note_read: ['note_id', 'organisation_id', 'read_at'],
  notification_setting: ['inbox_mail', 'updated_at'],
  liaison_note_version: ['note_id', 'version', 'edited_at'],
  login_attempt: ['id', 'at', 'succeeded'],
  membership: ['organisation_id', 'role', 'created_at'],
  mobility_count: ['id', 'actor_id', 'school_year', 'category', 'count', 'initiative_id', 'sample_data'],
  municipality: ['number', 'name', 'sort_key', 'region_id'],
  oidc_login: ['state_hash', 'code_verifier', 'nonce', 'return_to', 'created_at', 'expires_at'],
  opening_hours: ['id', 'weekly', 'seasons', 'exceptions', 'open_on_public_holidays', 'version', 'created_at', 'updated_at'],
  password_reset: ['token_hash', 'created_at', 'expires_at', 'used_at'],
  photo: ['id', 'actor_id', 'alt_text', 'width', 'height', 'published', 'rights', 'rights_detail', 'mediebank_url', 'version', 'created_at', 'updated_at'],
  photo_image: ['photo_id', 'size', 'content_type', 'width', 'height'],
  plan_item: ['id', 'initiative_id', 'position', 'title', 'description', 'responsible_actor_id', 'due_date', 'status', 'activity_ids', 'agreement_ids', 'result_text', 'version', 'created_at', 'updated_at'],
  rate_limit_event: ['id', 'kind', 'at'],
  region: ['id', 'name', 'sort_key', 'version', 'created_at', 'updated_at'],
  report_file: ['id', 'initiative_id', 'format', 'period_from', 'period_to', 'status', 'attempts', 'error', 'file_name', 'bytes', 'organisation_id', 'created_at', 'finished_at'],
  reminder_sent: ['kind', 'record_id', 'stage', 'sent_at', 'confirmed_at'],
  mail_out: ['id', 'survey_id', 'kind', 'status', 'total', 'sent', 'failed', 'without_address', 'attempts', 'error', 'created_at', 'updated_at'],
  rate_limit_window: ['window_start', 'count'],
  service: ['id', 'actor_id', 'type', 'audiences', 'description', 'conditions', 'weekly_hours', 'confirmed_at', 'sample_data', 'archived_at', 'version', 'created_at', 'updated_at'],
  student_count: ['set_id', 'municipality_number', 'count'],
  student_count_set: ['id', 'organisation_id', 'period', 'version', 'created_at', 'updated_at'],
  survey: ['id', 'name', 'deadline', 'include_branches', 'status', 'closed_at', 'version', 'created_at', 'updated_at'],
  survey_recipient: ['survey_id', 'actor_id', 'mailed_at', 'reminded_at', 'answered_at'],
  survey_token: ['token_hash', 'survey_id', 'actor_id', 'created_at'],
  user_session: ['id_hash', 'organisation_id', 'created_at', 'last_seen_at', 'expires_at'],
};

/** The JSON columns an erasure scrubs of the person's name and e-mail (the audit log, imported files). */
export function scrubbedColumns(): { table: string; column: string }[] {
  return Object.entries(personalColumns).flatMap(([table, columns]) =>
    Object.entries(columns).flatMap(([column, entry]) => (entry.erasure.by === 'audit' || entry.erasure.by === 'scrub' ? [{ table, column }] : [])),
  );
}

/** The columns that hold a person's e-mail or name in records other than her own, for an erasure to clear. */
export function matchedColumns(): { table: string; column: string; on: 'email' | 'name'; versioned: boolean }[] {
  return Object.entries(personalColumns).flatMap(([table, columns]) =>
    Object.entries(columns).flatMap(([column, entry]) => (entry.erasure.by === 'match' ? [{ table, column, on: entry.erasure.on, versioned: entry.erasure.versioned }] : [])),
  );
}

