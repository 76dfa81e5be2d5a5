import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { Action, Resource } from '@kompetansebro/domain';
import { authorize, publicAccess } from '../auth/access-control';
import { ifMatchHeaderSchema, jsonContent, problemResponses } from './openapi';
import type { AppEnv } from './app-env';
import { withEtag } from './versioned';

// One declaration for every route that is not a plain record route (those come from recordRoutes):
// a router says what varies — method, path, who may call it, what it takes, what it answers and
// which problems it may give — and this writes the OpenAPI route. It returns createRoute's own
// precise type, so the typed client sees the same inputs and answers as a route written out.

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type RequestShape = NonNullable<RouteConfig['request']>;
type Answers = RouteConfig['responses'];
export type ProblemStatus = keyof typeof problemResponses;

/** Who may call a route: the policy's resource and action, or anyone (no login). */
export type Access = readonly [Resource, Action] | 'public';

/** The problem+json answers of `statuses`, as the OpenAPI document describes them. */
export function problemsOf<E extends ProblemStatus>(statuses: readonly E[]): Pick<typeof problemResponses, E> {
  return Object.fromEntries(statuses.map((status) => [status, problemResponses[status]])) as Pick<typeof problemResponses, E>;
}

/** An answer with a JSON body. */
export function jsonAnswer<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: jsonContent(schema) };
}

/** An answer with one versioned record, its version as ETag. */
export function versionedAnswer<S extends z.ZodType>(description: string, schema: S) {
  return { description, content: jsonContent(schema), ...withEtag };
}

/** An answer with a file of `type` (a download). */
export function fileAnswer<T extends string>(description: string, type: T) {
  return { description, content: { [type]: { schema: z.string().meta({ format: 'binary' }) } } as Record<T, { schema: z.ZodString }> };
}

/** A JSON request body. */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return { content: jsonContent(schema), required: true as const };
}

/** The If-Match header a write to a versioned record requires. */
export const ifMatch = { headers: ifMatchHeaderSchema };

/** The spec of one route: what it does, what it takes, what it answers and which problems it may give. */
interface RouteSpec<Ok extends Answers, E extends ProblemStatus, Req extends RequestShape> {
  summary: string;
  description?: string;
  request?: Req;
  /** The answers when it works. */
  answers: Ok;
  /** The problem+json answers when it does not. */
  problems?: readonly E[];
  /** Work to do after access is checked and before the handler (e.g. bringing agreement statuses up to today). */
  prepare?: MiddlewareHandler<AppEnv>;
}

/**
 * The route declarations of a router whose routes share the OpenAPI `tags`: `route(method, path,
 * access, spec)` is the OpenAPI route `method path`, open to `access`, as `spec` says.
 */
export function routesTagged(...tags: string[]) {
  return <M extends Method, P extends string, Ok extends Answers, E extends ProblemStatus = never, Req extends RequestShape = Record<never, never>>(
    method: M,
    path: P,
    access: Access,
    spec: RouteSpec<Ok, E, Req>,
  ) =>
    createRoute({
      method,
      path,
      middleware: [access === 'public' ? publicAccess() : authorize(access[0], access[1]), ...(spec.prepare ? [spec.prepare] : [])] as const,
      tags,
      summary: spec.summary,
      ...(spec.description === undefined ? {} : { description: spec.description }),
      request: spec.request ?? ({} as Req),
      responses: { ...spec.answers, ...problemsOf(spec.problems ?? []) } as Ok & Pick<typeof problemResponses, E>,
    });
}
