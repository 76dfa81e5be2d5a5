import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Resource } from '@kompetansebro/domain';
import { authorize } from '../auth/access-control';
import { exportAnswer, exportFormatSchema } from './export';
import { idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from './openapi';
import { stateChangeResponses, versionedWriteResponses, withEtag } from './versioned';

/** The shape of a list query: filters, and the page asked for. */
type PagedQueryShape = z.ZodRawShape & { page: z.ZodType; pageSize: z.ZodType };

/**
 * The OpenAPI declarations every versioned resource repeats — read one, create, change some
 * fields, archive/restore — from its path, its policy resource and the record's schema. Each
 * returns createRoute's own precise type, so the typed client (`hc<AppType>`) sees the same
 * paths, inputs and answers as a route written out by hand.
 */
export function recordRoutes<P extends `/api/${string}`, R extends z.ZodType>(resource: { path: P; policy: Resource; tags: string[]; record: R }) {
  const { path, policy, tags, record } = resource;
  const one = `${path}/{id}` as `${P}/{id}`;
  return {
    /** GET …: a page of records, filtered by the list query. */
    list: <Q extends z.ZodObject, Pg extends z.ZodType>(query: Q, page: Pg, summary: string, description = 'A page of records') =>
      createRoute({
        method: 'get',
        path,
        middleware: [authorize(policy, 'read')] as const,
        tags,
        summary,
        request: { query },
        responses: { 200: { description, content: jsonContent(page) }, 400: problemResponses[400] },
      }),
    /** GET …/export: every record the filters select, as CSV or XLSX (the list query without paging). */
    export: <S extends PagedQueryShape>(listQuery: z.ZodObject<S>, summary: string) => {
      const { page: _page, pageSize: _pageSize, ...filters } = listQuery.shape;
      return createRoute({
        method: 'get',
        path: `${path}/export` as `${P}/export`,
        middleware: [authorize(policy, 'export')] as const,
        tags,
        summary,
        request: { query: z.object({ ...filters, format: exportFormatSchema }) },
        responses: {
          200: exportAnswer,
          400: problemResponses[400],
        },
      });
    },
    /** GET …/{id}: the record with its ETag. */
    get: (summary: string, description = 'The record') =>
      createRoute({
        method: 'get',
        path: one,
        middleware: [authorize(policy, 'read')] as const,
        tags,
        summary,
        request: { params: idParamsSchema },
        responses: {
          200: { description, content: jsonContent(record), ...withEtag },
          400: problemResponses[400],
          404: problemResponses[404],
        },
      }),
    /** POST …: a new record (201 with ETag and Location). */
    create: <B extends z.ZodType>(body: B, summary: string) =>
      createRoute({
        method: 'post',
        path,
        middleware: [authorize(policy, 'create')] as const,
        tags,
        summary,
        request: { body: { content: jsonContent(body), required: true } },
        responses: {
          201: { description: 'Created', content: jsonContent(record), ...withEtag },
          400: problemResponses[400],
          415: problemResponses[415],
        },
      }),
    /** PATCH …/{id}: some fields, If-Match required. */
    update: <B extends z.ZodType>(body: B, summary: string) =>
      createRoute({
        method: 'patch',
        path: one,
        middleware: [authorize(policy, 'update')] as const,
        tags,
        summary,
        request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(body), required: true } },
        responses: versionedWriteResponses(record),
      }),
    /** DELETE …/{id}: 204, If-Match required. */
    remove: (summary: string) =>
      createRoute({
        method: 'delete',
        path: one,
        middleware: [authorize(policy, 'delete')] as const,
        tags,
        summary,
        request: { params: idParamsSchema, headers: ifMatchHeaderSchema },
        responses: {
          204: { description: 'Deleted' },
          400: problemResponses[400],
          404: problemResponses[404],
          412: problemResponses[412],
          428: problemResponses[428],
        },
      }),
    /** POST …/{id}/archive or …/restore: a change of state that may conflict, If-Match required. */
    stateChange: <A extends 'archive' | 'restore'>(action: A, summary: string) =>
      createRoute({
        method: 'post',
        path: `${one}/${action}` as `${P}/{id}/${A}`,
        middleware: [authorize(policy, 'delete')] as const,
        tags,
        summary,
        request: { params: idParamsSchema, headers: ifMatchHeaderSchema },
        responses: stateChangeResponses(record),
      }),
  };
}
