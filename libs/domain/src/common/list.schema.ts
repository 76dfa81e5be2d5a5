import { z } from 'zod';
import { plainTextSchema } from './text';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** Query parameters every list takes: free-text search and pagination. */
export const listQuerySchema = z.object({
  q: plainTextSchema(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

/** The envelope of every list response. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int().min(0),
    /** True when counting stopped at `total` (a long list's cheap total): there are more than `total`. */
    totalCapped: z.boolean().optional(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  /** True when counting stopped at `total` (a long list's cheap total): there are more than `total`. */
  totalCapped?: boolean;
  page: number;
  pageSize: number;
}

/** "1–25 av 312": the first and last position shown on a page (0 when empty). */
export function pageRange(page: Pick<Page<unknown>, 'page' | 'pageSize' | 'total'>): {
  first: number;
  last: number;
  pageCount: number;
} {
  const pageCount = Math.max(1, Math.ceil(page.total / page.pageSize));
  if (page.total === 0) return { first: 0, last: 0, pageCount };
  const first = (page.page - 1) * page.pageSize + 1;
  return { first: Math.min(first, page.total), last: Math.min(page.page * page.pageSize, page.total), pageCount };
}
