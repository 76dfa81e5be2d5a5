import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Resource } from '@kompetansebro/domain';
import type { AppEnv } from './app-env';
import { ifMatch, jsonAnswer, jsonBody, routesTagged, versionedAnswer } from './api-route';
import { exportAnswer, exportFormatSchema } from './export';
import { idParamsSchema } from './openapi';
import { stateChangeResponses, versionedWriteResponses } from './versioned';

/** The shape of a list query: filters, and the page asked for. */
type PagedQueryShape = z.ZodRawShape & { page: z.ZodType; pageSize: z.ZodType };

/**
 * The OpenAPI declarations every versioned resource repeats — read one, create, change some
 * fields, archive/restore — from its path, its policy resource and the record's schema. Each
 * returns createRoute's own precise type, so the typed client (`hc<AppType>`) sees the same
 * paths, inputs and answers as a route written out by hand.
 */
export function recordRoutes<P extends `/api/${string}`, R extends z.ZodType>(resource: {
  path: P;
  policy: Resource;
  tags: string[];
  record: R;
  /** Work every route of the resource does after access is checked (e.g. bringing agreement statuses up to today). */
  prepare?: MiddlewareHandler<AppEnv>;
}) {
  const { path, policy, record, prepare } = resource;
  const one = `${path}/{id}` as `${P}/{id}`;
  const tagged = routesTagged(...resource.tags);
  const route: typeof tagged = (method, routePath, access, spec) => tagged(method, routePath, access, prepare ? { prepare, ...spec } : spec);
  return {
    /** GET …: a page of records, filtered by the list query. */
    list: <Q extends z.ZodObject, Pg extends z.ZodType>(query: Q, page: Pg, summary: string, description = 'A page of records') =>
      route('get', path, [policy, 'read'], { summary, request: { query }, answers: { 200: jsonAnswer(description, page) }, problems: [400] }),
    /** GET …/export: every record the filters select, as CSV or XLSX (the list query without paging). */
    export: <S extends PagedQueryShape>(listQuery: z.ZodObject<S>, summary: string) => {
      const { page: _page, pageSize: _pageSize, ...filters } = listQuery.shape;
      return route('get', `${path}/export` as `${P}/export`, [policy, 'export'], {
        summary,
        request: { query: z.object({ ...filters, format: exportFormatSchema }) },
        answers: { 200: exportAnswer },
        problems: [400],
      });
    },
    /** GET …/{id}: the record with its ETag. */
    get: (summary: string, description = 'The record') =>
      route('get', one, [policy, 'read'], { summary, request: { params: idParamsSchema }, answers: { 200: versionedAnswer(description, record) }, problems: [400, 404] }),
    /** POST …: a new record (201 with ETag and Location). */
    create: <B extends z.ZodType>(body: B, summary: string) =>
      route('post', path, [policy, 'create'], { summary, request: { body: jsonBody(body) }, answers: { 201: versionedAnswer('Created', record) }, problems: [400, 415] }),
    /** PATCH …/{id}: some fields, If-Match required. */
    update: <B extends z.ZodType>(body: B, summary: string) =>
      route('patch', one, [policy, 'update'], {
        summary,
        request: { params: idParamsSchema, ...ifMatch, body: jsonBody(body) },
        answers: versionedWriteResponses(record),
      }),
    /** DELETE …/{id}: 204, If-Match required. */
    remove: (summary: string) =>
      route('delete', one, [policy, 'delete'], {
        summary,
        request: { params: idParamsSchema, ...ifMatch },
        answers: { 204: { description: 'Deleted' } },
        problems: [400, 404, 412, 428],
      }),
    /** POST …/{id}/archive or …/restore: a change of state that may conflict, If-Match required. */
    stateChange: <A extends 'archive' | 'restore'>(action: A, summary: string) =>
      route('post', `${one}/${action}` as `${P}/{id}/${A}`, [policy, 'delete'], {
        summary,
        request: { params: idParamsSchema, ...ifMatch },
        answers: stateChangeResponses(record),
      }),
  };
}
