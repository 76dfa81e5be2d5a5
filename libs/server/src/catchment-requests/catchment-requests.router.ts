import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { catchmentDecisionSchema, catchmentRequestCreateSchema, catchmentRequestListQuerySchema, catchmentRequestSchema } from '@kompetansebro/domain';
import { authorize } from '../auth/access-control';
import { accessOf, scopeOf } from '../auth/visibility';
import { versionedJson } from '../http/etag';
import { changeRecord } from '../http/record-handlers';
import { createRouter, idParamsSchema, ifMatchHeaderSchema, jsonContent, problemResponses } from '../http/openapi';
import {
  createCatchmentRequest,
  decideCatchmentRequest,
  listCatchmentRequests,
  listCatchmentRequestsOf,
} from './catchment-request.repository';

const CatchmentRequest = catchmentRequestSchema.meta({ id: 'CatchmentRequest' });
const CatchmentRequestList = z.object({ items: z.array(CatchmentRequest) }).meta({ id: 'CatchmentRequestList' });
const CatchmentRequestCreate = catchmentRequestCreateSchema.meta({ id: 'CatchmentRequestCreate' });
const CatchmentDecision = catchmentDecisionSchema.meta({ id: 'CatchmentDecision' });
const tags = ['Catchment-area requests'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/catchment-requests',
  middleware: [authorize('catchment_request', 'read')] as const,
  tags,
  summary: "Requests from study centres to change their catchment areas (the county sees all; a study centre its own), newest first",
  request: { query: catchmentRequestListQuerySchema },
  responses: { 200: { description: 'The requests', content: jsonContent(CatchmentRequestList) }, 400: problemResponses[400] },
});

const listOfCentreRoute = createRoute({
  method: 'get',
  path: '/api/study-centres/{id}/catchment-requests',
  middleware: [authorize('catchment_request', 'read')] as const,
  tags,
  summary: "A study centre's requests to change its catchment area, newest first",
  request: { params: idParamsSchema },
  responses: { 200: { description: 'The requests', content: jsonContent(CatchmentRequestList) }, 404: problemResponses[404] },
});

const createRequestRoute = createRoute({
  method: 'post',
  path: '/api/study-centres/{id}/catchment-requests',
  middleware: [authorize('catchment_request', 'create')] as const,
  tags,
  summary: 'Ask the county to add and/or remove municipalities from the catchment area, with a reason',
  request: { params: idParamsSchema, body: { content: jsonContent(CatchmentRequestCreate), required: true } },
  responses: {
    201: { description: 'The request, pending', content: jsonContent(CatchmentRequest) },
    400: problemResponses[400],
    404: problemResponses[404],
  },
});

const decideRoute = createRoute({
  method: 'post',
  path: '/api/catchment-requests/{id}/decision',
  middleware: [authorize('catchment_request', 'transition')] as const,
  tags,
  summary: "The county approves (the catchment area changes) or rejects a pending request (If-Match: the request's ETag)",
  request: { params: idParamsSchema, headers: ifMatchHeaderSchema, body: { content: jsonContent(CatchmentDecision), required: true } },
  responses: {
    200: { description: 'The decided request', content: jsonContent(CatchmentRequest) },
    400: problemResponses[400],
    404: problemResponses[404],
    409: problemResponses[409],
    412: problemResponses[412],
    428: problemResponses[428],
  },
});

export const catchmentRequestsRouter = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listCatchmentRequests(c.var.deps.db, await scopeOf(c), c.req.valid('query')) }, 200))
  .openapi(listOfCentreRoute, async (c) => c.json({ items: await listCatchmentRequestsOf(c.var.deps.db, await scopeOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRequestRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const created = await createCatchmentRequest(c.var.deps.db, scope, c.req.valid('param').id, c.req.valid('json'), change);
    return versionedJson(c, created, 201);
  })
  .openapi(decideRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => decideCatchmentRequest(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  );
