import { z } from 'zod';
import { compress } from 'hono/compress';
import { cors } from 'hono/cors';
import { etag } from 'hono/etag';
import { municipalityNumberSchema, photoSizeSchema, serviceTypeSchema, withFields } from '@kompetansebro/domain';
import { fileAnswer, jsonAnswer, routesTagged } from '../http/api-route';
import { createRouter, idParamsSchema } from '../http/openapi';
import { publishedPhotoImage } from '../photos/photo.repository';
import { notFound, PROBLEM_CONTENT_TYPE } from '../http/problem';
import { everyMunicipality } from '../reference/reference.repository';
import { findPublicLibrary, listPublicStudyCentres, searchPublicLibraries } from './public.repository';
import {
  librarySearchSchema,
  listOf,
  publicHoursSchema,
  publicLibrarySchema,
  publicMunicipalitySchema,
  publicServiceSchema,
  publicStudyCentreSchema,
} from './public.schema';
import { reuseAnswers } from './answer-reuse';
import { rateLimit } from './rate-limit';

// The open data API (issue 15): no login, open CORS for reading, Cache-Control and an ETag on
// every answer (304 to If-None-Match) so a cache or CDN can serve it, and a rate limit per client.

export const PUBLIC_API_BASE = '/api/public/v1';
/** Requests a client may make in a minute before 429. */
export const PUBLIC_RATE_LIMIT = 300;

const route = routesTagged('Open data');
const rateLimited = { 429: { description: 'Too many requests from this client; Retry-After says when to try again', content: { [PROBLEM_CONTENT_TYPE]: { schema: z.object({ status: z.literal(429), detail: z.string() }) } } } };

/** A library's id, or its slug in the finder ("grong-bibliotek"). */
const libraryParams = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,120}$/, 'A library id or slug: lower-case letters, digits and hyphens').meta({ param: { name: 'id', in: 'path' }, example: 'grong-bibliotek' }),
});
const centreParams = z.object({ id: z.uuid().meta({ param: { name: 'id', in: 'path' } }) });

const librariesRoute = route('get', `${PUBLIC_API_BASE}/libraries`, 'public', {
  summary: 'The public libraries and branches, with their services for students and opening hours (open now, today, this week); every filter optional',
  request: { query: librarySearchSchema },
  answers: { 200: jsonAnswer('The libraries found', listOf(publicLibrarySchema, 'PublicLibraryList')), ...rateLimited },
  problems: [400],
});

const libraryRoute = route('get', `${PUBLIC_API_BASE}/libraries/{id}`, 'public', {
  summary: 'One library or branch by id or slug: address, contact, services for students, opening hours, study centres',
  request: { params: libraryParams },
  answers: { 200: jsonAnswer('The library', publicLibrarySchema), ...rateLimited },
  problems: [400, 404],
});

const hoursRoute = route('get', `${PUBLIC_API_BASE}/libraries/{id}/hours`, 'public', {
  summary: "A library's opening hours: staffed and self-service, open now, next opening, today and this week (Europe/Oslo); 404 while none are published",
  request: { params: libraryParams },
  answers: { 200: jsonAnswer('The opening hours', publicHoursSchema), ...rateLimited },
  problems: [400, 404],
});

const publicServiceOfLibrary = publicServiceSchema.extend({ library: z.object({ id: z.uuid(), name: z.string(), url: z.string() }) }).meta({ id: 'PublicLibraryService' });
const servicesRoute = route('get', `${PUBLIC_API_BASE}/services`, 'public', {
  summary: 'The services for students the libraries offer, with their conditions; by municipality, region or type',
  request: {
    query: z.object({ municipality: municipalityNumberSchema.optional(), region: z.uuid().optional(), type: serviceTypeSchema.optional() }).strict(),
  },
  answers: { 200: jsonAnswer('The services', listOf(publicServiceOfLibrary, 'PublicServiceList')), ...rateLimited },
  problems: [400],
});

const municipalitiesRoute = route('get', `${PUBLIC_API_BASE}/municipalities`, 'public', {
  summary: 'The municipalities and their regions',
  request: { query: z.object({}).strict() },
  answers: { 200: jsonAnswer('The municipalities', listOf(publicMunicipalitySchema, 'PublicMunicipalityList')), ...rateLimited },
  problems: [400],
});

const studyCentresRoute = route('get', `${PUBLIC_API_BASE}/study-centres`, 'public', {
  summary: 'The study centres and the municipalities of their catchment areas',
  request: { query: z.object({}).strict() },
  answers: { 200: jsonAnswer('The study centres', listOf(publicStudyCentreSchema, 'PublicStudyCentreList')), ...rateLimited },
  problems: [400],
});

const studyCentreRoute = route('get', `${PUBLIC_API_BASE}/study-centres/{id}`, 'public', {
  summary: 'One study centre and its catchment municipalities',
  request: { params: centreParams },
  answers: { 200: jsonAnswer('The study centre', publicStudyCentreSchema), ...rateLimited },
  problems: [400, 404],
});

const photoRoute = route('get', `${PUBLIC_API_BASE}/photos/{id}/{size}`, 'public', {
  summary: "One web size of a photo a library published (WebP; small is at most 480 pixels wide, large 1280), as a library's `photos` name it; 404 once it is no longer published",
  request: { params: idParamsSchema.extend({ size: photoSizeSchema.meta({ param: { name: 'size', in: 'path' } }) }) },
  answers: { 200: fileAnswer('The image', 'image/webp'), ...rateLimited },
  problems: [400, 404],
});

/**
 * A photo's bytes never change (a new upload is a new photo), but a library may withdraw one
 * (consent taken back): a day in any cache, then a cheap 304 against its ETag.
 */
export const PUBLIC_PHOTO_CACHE = 'public, max-age=86400, stale-while-revalidate=3600';

const libraryOrNotFound = <T>(value: T | null | undefined, entity: string): T => {
  if (value === null || value === undefined) throw notFound(entity);
  return value;
};

export const publicApiRouter = createRouter();
publicApiRouter.use(`${PUBLIC_API_BASE}/*`, cors({ origin: '*', allowMethods: ['GET', 'HEAD', 'OPTIONS'], exposeHeaders: ['ETag', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'], maxAge: 86_400 }));
publicApiRouter.use(`${PUBLIC_API_BASE}/*`, rateLimit(PUBLIC_RATE_LIMIT, 60_000));
publicApiRouter.use(`${PUBLIC_API_BASE}/*`, async (c, next) => {
  await next();
  // Read by anyone, from any site (Cross-Origin-Resource-Policy), and fresh for a minute: "open now" moves on
  // (a route that knows better, the photos, says so itself).
  c.res.headers.set('Cross-Origin-Resource-Policy', 'cross-origin');
  if (c.res.ok && !c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'public, max-age=60, stale-while-revalidate=300');
});
// Outside compression and the ETag: an answer kept is the answer sent (answer-reuse.ts).
publicApiRouter.use(`${PUBLIC_API_BASE}/*`, reuseAnswers());
// JSON gzipped for a client that asks (the list of libraries is tens of KiB), so the ETag is a
// weak one (the same meaning, gzipped or not), on the 200 and the 304 alike.
publicApiRouter.use(`${PUBLIC_API_BASE}/*`, compress());
publicApiRouter.use(`${PUBLIC_API_BASE}/*`, etag({ weak: true }));

export const publicApiRoutes = publicApiRouter
  .openapi(librariesRoute, async (c) => {
    const items = await searchPublicLibraries(c.get('deps').db, c.req.valid('query'));
    return c.json({ items, total: items.length }, 200);
  })
  .openapi(libraryRoute, async (c) => c.json(libraryOrNotFound(await findPublicLibrary(c.get('deps').db, c.req.valid('param').id), 'library'), 200))
  .openapi(hoursRoute, async (c) => {
    const library = libraryOrNotFound(await findPublicLibrary(c.get('deps').db, c.req.valid('param').id), 'library');
    return c.json(libraryOrNotFound(library.hours, 'opening hours of this library'), 200);
  })
  .openapi(servicesRoute, async (c) => {
    const { municipality, region, type } = c.req.valid('query');
    const libraries = await searchPublicLibraries(c.get('deps').db, { municipality, region, service: type });
    const items = libraries.flatMap((library) =>
      library.services.filter((service) => !type || service.type === type).map((service) => withFields(service, { library: { id: library.id, name: library.name, url: library.url } })),
    );
    return c.json({ items, total: items.length }, 200);
  })
  .openapi(municipalitiesRoute, async (c) => {
    const items = (await everyMunicipality(c.get('deps').db, c.get('deps').readReuse)).map((m) => ({ number: m.number, name: m.name, region: m.regionId ? { id: m.regionId, name: m.regionName ?? '' } : null }));
    return c.json({ items, total: items.length }, 200);
  })
  .openapi(studyCentresRoute, async (c) => {
    const items = await listPublicStudyCentres(c.get('deps').db);
    return c.json({ items, total: items.length }, 200);
  })
  .openapi(studyCentreRoute, async (c) => {
    const centre = (await listPublicStudyCentres(c.get('deps').db)).find((candidate) => candidate.id === c.req.valid('param').id);
    return c.json(libraryOrNotFound(centre, 'study centre'), 200);
  })
  .openapi(photoRoute, async (c) => {
    const { id, size } = c.req.valid('param');
    const image = await publishedPhotoImage(c.get('deps').db, id, size);
    return c.body(image.bytes.buffer as ArrayBuffer, 200, { 'Content-Type': image.contentType, 'Cache-Control': PUBLIC_PHOTO_CACHE, ETag: `"${id}-${size}"` });
  });
