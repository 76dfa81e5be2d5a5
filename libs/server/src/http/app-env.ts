import type { Context } from 'hono';
import type { JobQueue } from '../jobs/job-queue';
import type { Kysely } from 'kysely';
import type { Database } from '@kompetansebro/db';
import type { Mailer } from '../auth/mail';
import type { OidcLogin } from '../auth/oidc';
import type { Principal } from '../auth/principal';
import type { TrustedProxies } from './client-address';
import type { ReadReuse } from './read-reuse';
import type { AnswerReuse } from '../public-api/answer-reuse';

export interface Logger {
  info(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

/** Sending e-mail (password-reset and invitation links). */
export interface MailConfig {
  /** e.g. smtp://user:pass@smtp.example.no:587 or smtps://…:465; null: the mail is logged, not sent (development). */
  smtpUrl: string | null;
  /** The sender, e.g. "Kompetansebro <ikke-svar@trondelagfylke.no>". */
  from: string;
}

/** Login through an OpenID Connect provider (Feide, Microsoft Entra ID, ID-porten, …). */
export interface OidcConfig {
  /** The issuer identifier; its /.well-known/openid-configuration is read at the first login. */
  issuer: string;
  clientId: string;
  /** Absent for a public client (PKCE only). */
  clientSecret?: string | undefined;
  /** What the login page calls the provider: "Feide", "Entra ID", … */
  displayName: string;
  /** Space-separated; default "openid email profile". */
  scopes?: string | undefined;
}

export interface AppConfig {
  /** Which database the app runs on, reported by /api/health. */
  databaseKind: 'pglite' | 'postgres';
  /** The application's version, reported by /api/health. */
  version: string;
  /** Where uploaded documents are kept (under the data folder). */
  documentsDir: string;
  /** Secure cookies (HTTPS); off only for plain http on localhost in development and tests. */
  cookieSecure: boolean;
  /**
   * Where users reach the apps, e.g. https://kompetansebro.example.no (no trailing slash): the
   * base of links in e-mails and of the OIDC redirect URI. Never taken from a request's Host.
   * Default http://localhost:3000.
   */
  publicUrl?: string | undefined;
  /** Default: no SMTP server, mail is logged. */
  mail?: MailConfig | undefined;
  /** Default: no OIDC login, only passwords. */
  oidc?: OidcConfig | null | undefined;
  /**
   * The proxies in front (TRUST_PROXY): addresses and CIDR ranges whose X-Forwarded-For is
   * believed when they are the socket's peer. Default: none, the socket's address is the client's.
   */
  trustProxy?: readonly string[] | undefined;
  /**
   * Origins of apps deployed elsewhere (ALLOWED_ORIGINS, e.g. https://fylke.example.no) that may
   * call the API with credentials: CORS answers them, and the CSRF check lets their writes in.
   */
  allowedOrigins?: readonly string[] | undefined;
  /**
   * How long the server answers an open data request or a student finder page again from memory
   * (PUBLIC_ANSWER_SECONDS): at most as long as the answers tell caches they may keep them (60 s).
   * Any change through this process forgets them at once (public-api/answer-reuse.ts). Default: 0,
   * every request afresh.
   */
  publicAnswerSeconds?: number | undefined;
  /**
   * How long this process reuses what every request reads first (READ_REUSE_SECONDS): who a
   * session belongs to, with the scope that gives, and that the agreement calendar was applied.
   * Any change through this process forgets them at once (http/read-reuse.ts). Default: 0, read
   * on every request.
   */
  readReuseSeconds?: number | undefined;
}

export interface AppDeps {
  db: Kysely<Database>;
  config: AppConfig;
}

/** What every request can reach: the app's dependencies and the services built from its configuration. */
export interface RequestDeps extends AppDeps {
  logger: Logger;
  mailer: Mailer;
  /** null when no OIDC provider is configured. */
  oidc: OidcLogin | null;
  /** TRUST_PROXY, compiled: which peers' X-Forwarded-For is believed. */
  trustedProxies: TrustedProxies;
  /** Where work that sends mail goes (jobs/job-queue.ts). */
  jobs: JobQueue;
  /** What requests may reuse of each other's first reads (config.readReuseSeconds). */
  readReuse: ReadReuse;
  /** The public answers kept for the next request to the same address (config.publicAnswerSeconds). */
  answerReuse: AnswerReuse;
}

export interface AppEnv {
  Variables: {
    deps: RequestDeps;
    requestId: string;
    /** Who is asking; null when not logged in. */
    principal: Principal | null;
    sessionToken: string | null;
  };
}

/**
 * What a helper reads of a request's context: its variables through `get` (Hono's `c.var` builds
 * an object of every variable on each access, a measurable share of a small request: issue 18).
 */
export type RequestVariables = Pick<Context<AppEnv>, 'get'>;

export const DEFAULT_PUBLIC_URL = 'http://localhost:3000';

/** Production's defaults for what the server reuses from memory (PUBLIC_ANSWER_SECONDS, READ_REUSE_SECONDS). */
export const DEFAULT_REUSE = { publicAnswerSeconds: 60, readReuseSeconds: 5 } as const;

/** The public base URL without a trailing slash. */
export function publicUrlOf(config: AppConfig): string {
  return (config.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
}
