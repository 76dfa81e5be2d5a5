import { actorKinds, agreementKinds, agreementNoteCodes, auditedEntities, agreementStatuses, catchmentRequestStatuses, planItemStatuses, sampleDataKinds, serviceTypes } from '@kompetansebro/domain';
import { formatDate, formatDateTime, type Language } from '@kompetansebro/i18n';
import type { TFunction } from 'i18next';
import { agreementTransitionText } from '@kompetansebro/ui';
import { shorten } from './audit-diff';

// Every kind the log holds now, and 'import', which older entries may name.
const entityKeys = [...auditedEntities, 'import'] as const;
const actionKeys = ['create', 'update', 'archive', 'restore', 'delete', 'transition', 'confirm', 'erase', 'load', 'merge', 'import', 'undo_import', 'disable', 'read'] as const;
const fieldKeys = [
  'name',
  'shortName',
  'title',
  'kind',
  'type',
  'status',
  'description',
  'organisationNumber',
  'libraryNumber',
  'municipalityNumber',
  'parentId',
  'address',
  'website',
  'email',
  'phone',
  'role',
  'archivedAt',
  'startDate',
  'endDate',
  'parties',
  'transitions',
  'services',
  'levels',
  'themes',
  'audiences',
  'conditions',
  'weeklyHours',
  'lastConfirmedAt',
  'organiserId',
  'participants',
  'topics',
  'outcome',
  'links',
  'actorId',
  'dueDate',
  'responsibleActorId',
  'activityIds',
  'agreementIds',
  'position',
  'documentAdded',
  'documentRemoved',
  'note',
  'participantAdded',
  'participantRemoved',
  'createdAt',
  'replaced',
  // A survey's.
  'deadline',
  'actorIds',
  'recipients',
  'includeBranches',
] as const;

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** "aktør", "avtale", … — the server's name for a kind of record when it is one we do not know. */
export function entityLabel(t: TFunction, entity: string): string {
  return includes(entityKeys, entity) ? t(`history.entity.${entity}`) : entity;
}

/** "Aktør", "Avtale", … — a kind as a choice of the log's type filter, capitalised as other filters' choices. */
export function entityChoiceLabel(t: TFunction, entity: string): string {
  const label = entityLabel(t, entity);
  return label.charAt(0).toLocaleUpperCase('nb') + label.slice(1);
}

/** The parties whose answer the change recorded: those that accepted, those that declined (by name). */
function partyDecisions(entry: { before: unknown; after: unknown }): { accepted: string[]; declined: string[] } {
  const partiesOf = (value: unknown): Record<string, unknown>[] =>
    typeof value === 'object' && value !== null && 'parties' in value && Array.isArray(value.parties)
      ? value.parties.filter((party): party is Record<string, unknown> => typeof party === 'object' && party !== null)
      : [];
  const before = new Map(partiesOf(entry.before).map((party) => [party['actorId'], party]));
  const accepted: string[] = [];
  const declined: string[] = [];
  for (const party of partiesOf(entry.after)) {
    const was = before.get(party['actorId']);
    if (!was) continue;
    const name = typeof party['actorName'] === 'string' ? party['actorName'] : null;
    if (!name) continue;
    if (party['acceptedAt'] && !was['acceptedAt']) accepted.push(name);
    else if (party['declinedAt'] && !was['declinedAt']) declined.push(name);
  }
  return { accepted, declined };
}

/**
 * "Opprettet", "Endret", … — and a new status by name ("Ny status: Signert") where the entry's
 * record after the change holds it. An action we do not know reads as a change, without its code.
 */
export function actionLabel(t: TFunction, action: string, entry?: { after: unknown; before?: unknown }): string {
  const statusOf = (record: unknown) => (typeof record === 'object' && record !== null && 'status' in record && typeof record.status === 'string' ? record.status : null);
  if (action === 'transition') {
    const status = statusOf(entry?.after);
    const name = status === null ? null : statusLabel(t, status);
    return name ? t('history.action.transitionTo', { status: name }) : t('history.action.transition');
  }
  if (action === 'update' && entry && 'before' in entry) {
    // A party's answer to an agreement is a change of its acceptance: said as such, by whom, and
    // the new status when the last acceptance signed it.
    const { accepted, declined } = partyDecisions(entry as { before: unknown; after: unknown });
    const status = statusOf(entry.after);
    const newStatus = accepted.length > 0 && status !== null && status !== statusOf(entry.before) ? statusLabel(t, status) : null;
    const said = [
      ...(accepted.length > 0 ? [t('history.action.acceptedBy', { names: accepted.join(', ') })] : []),
      ...(declined.length > 0 ? [t('history.action.declinedBy', { names: declined.join(', ') })] : []),
      ...(newStatus ? [t('history.action.transitionTo', { status: newStatus })] : []),
    ];
    if (said.length > 0) return said.join('; ');
  }
  return includes(actionKeys, action) ? t(`history.action.${action}`) : t('history.action.update');
}

/** A status code by its name, for the kinds of record that have one; null for a code we do not know. */
function statusLabel(t: TFunction, status: string): string | null {
  if (includes(agreementStatuses, status)) return t(`agreementStatus.${status}`);
  if (includes(planItemStatuses, status)) return t(`initiatives.planStatus.${status}`);
  if (includes(catchmentRequestStatuses, status)) return t(`history.requestStatus.${status}`);
  return null;
}

/** A field by its label; one we do not know by its name made readable ("liaisonNote" → "liaison note"), never a code as such. */
export function fieldLabel(t: TFunction, field: string): string {
  if (includes(fieldKeys, field)) return t(`history.fields.${field}`);
  const words = field
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function formatScalar(t: TFunction, language: Language, field: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (DATE_ONLY.test(value)) return formatDate(value, language);
  if (TIMESTAMP.test(value)) return formatDateTime(value);
  // Codes the user knows by name: a status, a kind, a service type.
  if (field === 'status') return statusLabel(t, value) ?? value;
  if (field === 'kind' && includes(actorKinds, value)) return t(`actorKind.${value}`);
  if (field === 'kind' && includes(agreementKinds, value)) return t(`agreementKind.${value}`);
  if ((field === 'type' || field === 'services') && includes(serviceTypes, value)) return t(`serviceType.${value}`);
  return value;
}

/** An object in a list (a party, a participant, a link) by its name, when it has one. */
export function nameOf(value: Record<string, unknown>): string | null {
  for (const key of ['actorName', 'name', 'title', 'label', 'url', 'fileName']) {
    const candidate = value[key];
    if (typeof candidate === 'string' && candidate !== '') return candidate;
  }
  return null;
}

/** An agreement history entry as the agreement page says it, dated; null for what is none. */
function latestTransition(t: TFunction, language: Language, entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return null;
  const { from, to, at, note, noteCode, noteParams } = entry as Record<string, unknown>;
  if (typeof at !== 'string' || typeof to !== 'string' || !includes(agreementStatuses, to)) return null;
  // Entries audited before the notes became codes have neither code nor params: their note as stored.
  const text = agreementTransitionText(t, {
    from: typeof from === 'string' && includes(agreementStatuses, from) ? from : null,
    to,
    note: typeof note === 'string' ? note : null,
    noteCode: typeof noteCode === 'string' && includes(agreementNoteCodes, noteCode) ? noteCode : null,
    noteParams: typeof noteParams === 'object' && noteParams !== null ? (noteParams as Record<string, string>) : null,
  });
  return `${formatDate(at, language)}: ${text}`;
}

/** A field's value as one short line of text: "–" for nothing, names for lists, dates as dd.mm.yyyy. */
export function formatValue(t: TFunction, language: Language, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return shorten(formatScalar(t, language, field, value));
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('history.empty');
    // An agreement's history: its latest entry (the one a change adds), its note in the reader's language.
    if (field === 'transitions') return shorten(latestTransition(t, language, value.at(-1)) ?? t('history.empty'));
    // Ids say nothing to a person (a survey's recipients): a list of them by how many.
    if (value.every((item) => typeof item === 'string' && UUID.test(item))) return t('history.recordCount', { count: value.length });
    const parts = value.map((item: unknown) =>
      typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean'
        ? formatScalar(t, language, field, item)
        : typeof item === 'object' && item !== null
          ? (nameOf(item as Record<string, unknown>) ?? JSON.stringify(item))
          : String(item),
    );
    return shorten(parts.join(', '));
  }
  if (typeof value === 'object') {
    return shorten(nameOf(value as Record<string, unknown>) ?? JSON.stringify(value));
  }
  return shorten(String(value));
}

/** A load of sample data by what it added ("23 aktører"); null for any other entry. */
export function sampleLoadName(t: TFunction, entry: { entity: string; entityId: string; after: unknown }): string | null {
  if (entry.entity !== 'sample-data' || !includes(sampleDataKinds, entry.entityId)) return null;
  const { after } = entry;
  const count = typeof after === 'object' && after !== null ? Object.values(after).find((value): value is number => typeof value === 'number') : undefined;
  return count === undefined ? null : t(`history.sampleLoad.${entry.entityId}`, { count });
}

/** A set of student counts by whose and which period they are ("NTNU Universitetsbiblioteket, studieåret 2026"); null for any other entry. */
function studentCountsName(t: TFunction, entry: { entity: string; after: unknown; before: unknown; recordName?: string | null | undefined }): string | null {
  if (entry.entity !== 'student_counts' || !entry.recordName) return null;
  const set = [entry.after, entry.before].find((value) => typeof value === 'object' && value !== null && 'period' in value) as { period: unknown } | undefined;
  const period = set?.period;
  if (typeof period !== 'string') return entry.recordName;
  const periodName = period === 'current' ? t('history.studentCounts.current') : t('history.studentCounts.year', { year: period });
  return t('history.studentCounts.name', { organisation: entry.recordName, period: periodName });
}

/**
 * What the log calls the record of an entry: a load of sample data by what it added, a set of
 * student counts by whose and when, else the name in the entry or the record's name now; null
 * when it has none (the caller names it by its kind, never by its id).
 */
export function entryName(t: TFunction, entry: { entity: string; entityId: string; before: unknown; after: unknown; recordName?: string | null | undefined }): string | null {
  return sampleLoadName(t, entry) ?? studentCountsName(t, entry) ?? recordNameOf(entry) ?? entry.recordName ?? null;
}

/** The name of the record an entry is about, from the record as it was after (or before) the change. */
export function recordNameOf(entry: { before: unknown; after: unknown }): string | null {
  for (const value of [entry.after, entry.before]) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const name = nameOf(value as Record<string, unknown>);
      if (name) return name;
    }
  }
  return null;
}
