import { runJobsAtOnce, type JobQueue } from './jobs/job-queue';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { createRouter } from './http/openapi';
import { mountApiDocs } from './http/api-docs';
import { publicUrlOf, type AppDeps, type Logger } from './http/app-env';
import { ProblemError, problemResponse } from './http/problem';
import { problemOfDomainError } from './http/domain-error-problem';
import { DomainError } from '@kompetansebro/domain';
import { crossOrigin, limitBody, mayChange, noStore, requireJsonBody, requireSameOrigin, requireWellFormedText, securityHeaders } from './http/security';
import { authenticate, publicAccess } from './auth/access-control';
import { createMailer, type Mailer } from './auth/mail';
import { trustedProxies } from './http/client-address';
import { createReadReuse } from './http/read-reuse';
import { createAnswerReuse } from './public-api/answer-reuse';
import { createOidcLogin } from './auth/oidc';
import { activitiesRouter } from './activities/activities.router';
import { calendarFeedsRouter } from './activities/calendar-feeds.router';
import { actorsRouter } from './actors/actors.router';
import { agreementsRouter } from './agreements/agreements.router';
import { auditRouter } from './audit/audit.router';
import { authRouter } from './auth/auth.router';
import { contactsRouter } from './contacts/contacts.router';
import { coverageRouter } from './coverage/coverage.router';
import { brochureRouter } from './brochure/brochure.router';
import { catchmentRequestsRouter } from './catchment-requests/catchment-requests.router';
import { initiativesRouter } from './initiatives/initiatives.router';
import { reportsRouter } from './reports/reports.router';
import { liaisonRouter } from './liaison/liaison.router';
import { referenceRouter } from './reference/reference.router';
import { searchRouter } from './search/search.router';
import { accountRouter } from './account/account.router';
import { servicesRouter } from './services/services.router';
import { surveysRouter } from './surveys/surveys.router';
import { usersRouter } from './users/users.router';
import { openingHoursRouter } from './opening-hours/opening-hours.router';
import { PUBLIC_API_BASE, publicApiRoutes } from './public-api/public-api.router';
import { finderRouter, notFoundPage } from './public-api/finder/finder.router';
import { photosRouter } from './photos/photos.router';
import { importRouter } from './import/import.router';
import { privacyRouter } from './privacy/privacy.router';

export type { Logger } from './http/app-env';

export interface CreateAppOptions extends AppDeps {
  logger?: Logger;
  /** Default: one over SMTP from `config.mail` (or the log, without an SMTP URL). */
  mailer?: Mailer;
  /** The job queue (startJobQueue); default: each job runs at once in the request that queues it (tests, scripts). */
  jobs?: JobQueue;
}

const silentLogger: Logger = { info: () => undefined, error: () => undefined };

/**
 * The whole HTTP API. The database comes in as a dependency, never from a module singleton,
 * so tests hand it PGlite in memory and production PostgreSQL.
 */
/** The path as the request log writes it: a calendar feed's secret token left out. */
const loggedPath = (path: string) => path.replace(/^\/api\/calendar-feeds\/[^/]+/, '/api/calendar-feeds/…');

export function createApp({ db, config, logger = silentLogger, mailer = createMailer(config.mail, logger), jobs = runJobsAtOnce({ db, config, logger, mailer }) }: CreateAppOptions) {
  const app = createRouter();
  const oidc = config.oidc ? createOidcLogin(config.oidc, publicUrlOf(config)) : null;
  const proxies = trustedProxies(config.trustProxy ?? []);
  const readReuse = createReadReuse(config.readReuseSeconds ?? 0);
  const answerReuse = createAnswerReuse(config.publicAnswerSeconds ?? 0);

  app.use(requestId());
  app.use(securityHeaders());
  app.use(async (c, next) => {
    const started = performance.now();
    c.set('deps', { db, config, logger, mailer, oidc, trustedProxies: proxies, jobs, readReuse, answerReuse });
    await next();
    // Whatever a write changed (a membership, a catchment area, an agreement's dates, a library's
    // hours) counts from the next request, in the public answers too.
    if (mayChange(c.req.method)) {
      readReuse.forget();
      // A refusal (4xx) changed nothing: it must not let anyone empty the public answers at will.
      if (c.res.status < 400 || c.res.status >= 500) answerReuse.forget();
    }
    logger.info(
      { requestId: c.get('requestId'), method: c.req.method, path: loggedPath(c.req.path), status: c.res.status, ms: Math.round(performance.now() - started) },
      'request',
    );
  });
  const allowedOrigins = config.allowedOrigins ?? [];
  // The open data API answers any origin itself (no credentials); the rest only ALLOWED_ORIGINS.
  const corsForApps = crossOrigin(allowedOrigins);
  app.use('/api/*', (c, next) => (c.req.path.startsWith(`${PUBLIC_API_BASE}/`) ? next() : corsForApps(c, next)));
  app.use('/api/*', noStore());
  app.use('/api/*', requireSameOrigin(allowedOrigins));
  app.use('/api/*', limitBody());
  app.use('/api/*', requireJsonBody());
  app.use('/api/*', requireWellFormedText());
  app.use('/api/*', authenticate());
  app.use('/api/openapi.json', publicAccess());
  app.use('/api/docs', publicAccess());
  app.use('/api/docs/*', publicAccess());

  const routes = app
    .route('/', authRouter)
    .route('/', referenceRouter)
    .route('/', actorsRouter)
    .route('/', servicesRouter)
    .route('/', surveysRouter)
    .route('/', contactsRouter)
    .route('/', agreementsRouter)
    .route('/', coverageRouter)
    .route('/', brochureRouter)
    .route('/', catchmentRequestsRouter)
    .route('/', activitiesRouter)
    .route('/', calendarFeedsRouter)
    .route('/', initiativesRouter)
    .route('/', reportsRouter)
    .route('/', liaisonRouter)
    .route('/', auditRouter)
    .route('/', searchRouter)
    .route('/', accountRouter)
    .route('/', usersRouter)
    .route('/', openingHoursRouter)
    .route('/', publicApiRoutes)
    .route('/', finderRouter)
    .route('/', photosRouter)
    .route('/', importRouter)
    .route('/', privacyRouter);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Kompetansebro API',
      version: config.version,
      description:
        'The API of Kompetansebro. Errors are RFC 9457 problem details; reads of one record send an ETag and writes require If-Match.',
    },
  });
  mountApiDocs(app);

  // A person who follows a broken link gets a page with a way back; a program gets problem+json.
  app.notFound((c) =>
    !c.req.path.startsWith('/api/') && c.req.method === 'GET' && (c.req.header('Accept') ?? '').includes('text/html')
      ? notFoundPage(c)
      : problemResponse(c, new ProblemError(404, `No route ${c.req.method} ${c.req.path}`)),
  );
  app.onError((error, c) => {
    if (error instanceof ProblemError) return problemResponse(c, error);
    if (error instanceof DomainError) return problemResponse(c, problemOfDomainError(error));
    if (error instanceof HTTPException && error.status < 500) {
      // Hono's own 4xx, e.g. malformed JSON in the body.
      const detail = error.message || 'The request could not be read';
      const fieldErrors = error.status === 400 ? [{ path: 'body', code: 'malformed_json', message: detail }] : undefined;
      return problemResponse(c, new ProblemError(error.status === 400 ? 400 : 415, detail, fieldErrors));
    }
    logger.error({ requestId: c.get('requestId'), err: error }, 'unhandled error');
    return problemResponse(c, new ProblemError(500, 'Something went wrong on the server. The error is logged.'));
  });

  return routes;
}

/** The API's type, for the typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>;
