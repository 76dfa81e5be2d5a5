import { auditedEntities, type AuditedEntity } from '@kompetansebro/domain';
import { createFeatureContext } from '@kompetansebro/ui';

/** The record kinds that have a history (every kind the audit log names, but a load of sample data). */
export const historyEntities = auditedEntities.filter((entity): entity is Exclude<AuditedEntity, 'sample-data'> => entity !== 'sample-data');
export type HistoryEntity = (typeof historyEntities)[number];

/** The kinds that have a page of their own an app can link back to. */
export const linkedHistoryEntities = ['actor', 'agreement', 'activity', 'initiative', 'survey'] as const;
export type LinkedHistoryEntity = (typeof linkedHistoryEntities)[number];

function isLinkedHistoryEntity(entity: HistoryEntity): entity is LinkedHistoryEntity {
  return (linkedHistoryEntities as readonly string[]).includes(entity);
}

/** The page of a record of this kind in the app, if the app shows such records. */
export function recordPathOf(paths: HistoryPaths, entity: HistoryEntity): string | undefined {
  return isLinkedHistoryEntity(entity) ? paths.records[entity] : undefined;
}

export function isHistoryEntity(value: string): value is HistoryEntity {
  return (historyEntities as readonly string[]).includes(value);
}

/** Where the history screens and the records they are about live in the app's router. */
export interface HistoryPaths {
  /** The whole log (`/historikk`). */
  log: string;
  /** One record's history (`/historikk/$entity/$id`). */
  record: string;
  /** A record's own page (`/aktorer/$id`), per kind the app shows; missing kinds get no link. */
  records: Partial<Record<LinkedHistoryEntity, string>>;
}

export interface HistoryFeature {
  paths: HistoryPaths;
}

export const [HistoryFeatureContext, useHistoryFeature] = createFeatureContext<HistoryFeature>('createHistoryRoute');
