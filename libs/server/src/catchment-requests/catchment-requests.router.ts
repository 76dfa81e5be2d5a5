import { z } from 'zod';
import { catchmentDecisionSchema, catchmentRequestCreateSchema, catchmentRequestListQuerySchema, catchmentRequestSchema } from '@kompetansebro/domain';
import { accessOf, scopeOf } from '../auth/visibility';
import { versionedJson } from '../http/etag';
import { changeRecord } from '../http/record-handlers';
import { ifMatch, jsonAnswer, jsonBody, routesTagged } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
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

const route = routesTagged('Catchment-area requests');

const listRoute = route('get', '/api/catchment-requests', ['catchment_request', 'read'], {
  summary: "Requests from study centres to change their catchment areas (the county sees all; a study centre its own), newest first",
  request: { query: catchmentRequestListQuerySchema },
  answers: { 200: jsonAnswer('The requests', CatchmentRequestList) },
  problems: [400],
});

const listOfCentreRoute = route('get', '/api/study-centres/{id}/catchment-requests', ['catchment_request', 'read'], {
  summary: "A study centre's requests to change its catchment area, newest first",
  request: { params: idParamsSchema },
  answers: { 200: jsonAnswer('The requests', CatchmentRequestList) },
  problems: [404],
});

const createRequestRoute = route('post', '/api/study-centres/{id}/catchment-requests', ['catchment_request', 'create'], {
  summary: 'Ask the county to add and/or remove municipalities from the catchment area, with a reason',
  request: { params: idParamsSchema, body: jsonBody(CatchmentRequestCreate) },
  answers: { 201: jsonAnswer('The request, pending', CatchmentRequest) },
  problems: [400, 404],
});

const decideRoute = route('post', '/api/catchment-requests/{id}/decision', ['catchment_request', 'transition'], {
  summary: "The county approves (the catchment area changes) or rejects a pending request (If-Match: the request's ETag)",
  request: { params: idParamsSchema, ...ifMatch, body: jsonBody(CatchmentDecision) },
  answers: { 200: jsonAnswer('The decided request', CatchmentRequest) },
  problems: [400, 404, 409, 412, 428],
});

export const catchmentRequestsRouter = createRouter()
  .openapi(listRoute, async (c) => c.json({ items: await listCatchmentRequests(c.get('deps').db, await scopeOf(c), c.req.valid('query')) }, 200))
  .openapi(listOfCentreRoute, async (c) => c.json({ items: await listCatchmentRequestsOf(c.get('deps').db, await scopeOf(c), c.req.valid('param').id) }, 200))
  .openapi(createRequestRoute, async (c) => {
    const { scope, change } = await accessOf(c);
    const created = await createCatchmentRequest(c.get('deps').db, scope, c.req.valid('param').id, c.req.valid('json'), change);
    return versionedJson(c, created, 201);
  })
  .openapi(decideRoute, (c) =>
    changeRecord(c, ({ db, scope, change }, version) => decideCatchmentRequest(db, scope, c.req.valid('param').id, c.req.valid('json'), version, change)),
  );
