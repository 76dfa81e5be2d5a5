import { actorKinds, agreementKinds, agreementStatuses, serviceTypes } from '@kompetansebro/domain';
import { formatDate, formatDateTime, type Language } from '@kompetansebro/i18n';
import type { TFunction } from 'i18next';
import { shorten } from './audit-diff';

const entityKeys = ['actor', 'agreement', 'activity', 'service', 'contact', 'initiative', 'plan_item', 'user', 'mobility_count', 'sample-data', 'opening_hours', 'photo', 'liaison_note'] as const;
const actionKeys = ['create', 'update', 'archive', 'restore', 'delete', 'transition', 'confirm', 'erase', 'load', 'merge', 'import', 'undo_import'] as const;
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
] as const;

const includes = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** "aktør", "avtale", … — the server's name for a kind of record when it is one we do not know. */
export function entityLabel(t: TFunction, entity: string): string {
  return includes(entityKeys, entity) ? t(`history.entity.${entity}`) : entity;
}

export function actionLabel(t: TFunction, action: string): string {
  return includes(actionKeys, action) ? t(`history.action.${action}`) : t('history.action.other', { action });
}

export function fieldLabel(t: TFunction, field: string): string {
  return includes(fieldKeys, field) ? t(`history.fields.${field}`) : field;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function formatScalar(t: TFunction, language: Language, field: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  if (typeof value === 'number') return String(value);
  if (DATE_ONLY.test(value)) return formatDate(value, language);
  if (TIMESTAMP.test(value)) return formatDateTime(value);
  // Codes the user knows by name: a status, a kind, a service type.
  if (field === 'status' && includes(agreementStatuses, value)) return t(`agreementStatus.${value}`);
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

/** A field's value as one short line of text: "–" for nothing, names for lists, dates as dd.mm.yyyy. */
export function formatValue(t: TFunction, language: Language, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return shorten(formatScalar(t, language, field, value));
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return t('history.empty');
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
