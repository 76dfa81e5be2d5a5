import {
  agreementKindSchema,
  agreementListQuerySchema,
  agreementStatusSchema,
  DEFAULT_PAGE_SIZE,
  type AgreementKind,
  type AgreementListQuery,
  type AgreementStatus,
} from '@kompetansebro/domain';
import { z } from 'zod';
import type { AgreementListSearch } from './agreement-list-search';

type AgreementSort = AgreementListQuery['sort'];
const sortSchema = agreementListQuerySchema.shape.sort.unwrap();
export const DEFAULT_AGREEMENT_SORT: AgreementSort = 'title';

const idSchema = z.uuid();

/** What the URL's filters mean: unknown statuses, kinds, sort keys and ids are ignored. */
export interface AgreementListView {
  q: string | undefined;
  status: AgreementStatus | undefined;
  kind: AgreementKind | undefined;
  party: string | undefined;
  region: string | undefined;
  sort: AgreementSort;
  page: number;
}

export function agreementListView(search: AgreementListSearch): AgreementListView {
  const valid = <T>(schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    const parsed = schema.safeParse(value);
    return value !== undefined && parsed.success ? parsed.data : undefined;
  };
  return {
    q: search.q,
    status: valid(agreementStatusSchema, search.status),
    kind: valid(agreementKindSchema, search.kind),
    party: valid(idSchema, search.party),
    region: valid(idSchema, search.region),
    sort: valid(sortSchema, search.sort) ?? DEFAULT_AGREEMENT_SORT,
    page: search.page ?? 1,
  };
}

export function toAgreementListQuery(view: AgreementListView, pageSize = DEFAULT_PAGE_SIZE): Partial<AgreementListQuery> {
  return {
    q: view.q,
    status: view.status,
    kind: view.kind,
    party: view.party,
    region: view.region,
    sort: view.sort,
    page: view.page,
    pageSize,
  };
}

export function sortColumn(sort: AgreementSort): { column: string; direction: 'ascending' | 'descending' } {
  return sort.startsWith('-') ? { column: sort.slice(1), direction: 'descending' } : { column: sort, direction: 'ascending' };
}

/** Pressing a column's header: ascending first, then the other way. */
export function nextSort(current: AgreementSort, column: string): AgreementSort {
  const { column: currentColumn, direction } = sortColumn(current);
  const parsed = sortSchema.safeParse(currentColumn === column && direction === 'ascending' ? `-${column}` : column);
  return parsed.success ? parsed.data : DEFAULT_AGREEMENT_SORT;
}
