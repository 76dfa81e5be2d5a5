import { z } from 'zod';
import { DEFAULT_REUSE, parseTrustedRange, requestOrigin, type AppConfig } from '@kompetansebro/server';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((value) => value === 'true' || value === '1');

const isLoopback = (url: URL) => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
const httpUrl = (name: string) =>
  z.url({ protocol: /^https?$/, error: `${name} must be an http(s) URL` }).refine((value) => {
    if (!URL.canParse(value)) return true; // reported by z.url
    const url = new URL(value);
    return url.protocol === 'https:' || isLoopback(url);
  }, `${name} must use https (plain http only on localhost)`);
/** An empty variable counts as unset (docker-compose and .env files write them so). */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

/** A comma-separated list (spaces around the commas allowed); unset or empty: none. */
const commaList = (name: string, entry: (value: string) => boolean, what: string) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter((item) => item !== ''))
    .superRefine((items, ctx) => {
      for (const item of items.filter((i) => !entry(i))) ctx.addIssue({ code: 'custom', message: `${name}: ${item} is not ${what}` });
    });

/** An origin an app may be deployed on: scheme, host and port only; https unless on localhost. */
const isAppOrigin = (value: string) => {
  const origin = requestOrigin(value);
  return origin !== null && origin !== 'unreadable' && (origin.startsWith('https://') || isLoopback(new URL(origin)));
};

/** The server's whole configuration, from the environment; a bad value stops the start with a clear message. */
export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .refine((url) => /^postgres(ql)?:\/\//.test(url), 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** The sample dataset is loaded into the embedded database; against PostgreSQL only when asked. */
  LOAD_SAMPLE_DATA: booleanFlag.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secure session cookies (__Host-session). Browsers keep them on http://localhost too; turn off only for plain http elsewhere. */
  COOKIE_SECURE: booleanFlag.default(true),
  /** Where the built frontends are; each is served under its base path when present. */
  STATIC_DIR: z.string().min(1).default('./dist/apps'),
  /** Where users reach the apps (the base of links in e-mails and of the OIDC redirect URI). Default http://localhost:PORT. */
  PUBLIC_URL: optional(httpUrl('PUBLIC_URL')),
  /** SMTP server for e-mail (smtp:// or smtps://, user and password in the URL); unset: mail is logged, not sent. */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, 'SMTP_URL must start with smtp:// or smtps://')),
  MAIL_FROM: optional(z.string().min(3).max(200)),
  /** Write each mail as a JSON file in this folder instead of sending it (browser tests, local trials); not with SMTP_URL. */
  MAIL_DIR: optional(z.string().min(1)),
  /** The daily job (agreement calendar, reminders, liaison digest) scheduled by this instance's worker: on unless "off". */
  REMINDERS: z.enum(['on', 'off']).default('on'),
  /** This instance works the job queue (mail-outs, acceptance mails, the daily job): on unless "off" (an API-only instance; it still queues). */
  JOBS: z.enum(['on', 'off']).default('on'),
  /** OIDC login (Feide, Entra ID, ID-porten, …): the issuer; unset: passwords only. */
  OIDC_ISSUER: optional(httpUrl('OIDC_ISSUER')),
  OIDC_CLIENT_ID: optional(z.string().min(1)),
  OIDC_CLIENT_SECRET: optional(z.string().min(1)),
  OIDC_DISPLAY_NAME: optional(z.string().min(1).max(60)),
  OIDC_SCOPES: optional(z.string().regex(/(^|\s)openid(\s|$)/, 'OIDC_SCOPES must include openid')),
  /** The proxies in front whose X-Forwarded-For is believed: IP addresses and CIDR ranges, comma-separated. */
  TRUST_PROXY: commaList('TRUST_PROXY', (entry) => parseTrustedRange(entry) !== null, 'an IP address or CIDR range'),
  /** Origins of apps deployed on their own (https://…, comma-separated) that may call the API with credentials. */
  ALLOWED_ORIGINS: commaList('ALLOWED_ORIGINS', isAppOrigin, 'an origin such as https://fylke.example.no (https, no path)'),
  /** Seconds an open data answer or a finder page is given again from memory (0–60: no longer than caches may keep it; any change through this process forgets them). */
  PUBLIC_ANSWER_SECONDS: z.coerce.number().int().min(0).max(60).default(DEFAULT_REUSE.publicAnswerSeconds),
  /** Seconds a process reuses who a session belongs to and the agreement calendar's check (0–30; any change through it forgets them). */
  READ_REUSE_SECONDS: z.coerce.number().int().min(0).max(30).default(DEFAULT_REUSE.readReuseSeconds),
}).superRefine((env, ctx) => {
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'OIDC_CLIENT_ID is required with OIDC_ISSUER' });
  if (env.SMTP_URL && !env.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'MAIL_FROM is required with SMTP_URL' });
  if (env.SMTP_URL && env.MAIL_DIR) ctx.addIssue({ code: 'custom', path: ['MAIL_DIR'], message: 'Set either SMTP_URL or MAIL_DIR, not both' });
  if ((env.SMTP_URL || env.OIDC_ISSUER) && !env.PUBLIC_URL) {
    ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'PUBLIC_URL is required with SMTP_URL or OIDC_ISSUER (links and redirects must name this site)' });
  }
});
export type Env = z.infer<typeof envSchema>;

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The parts of the app's configuration about what is in front of it: proxies and apps on other origins. */
export function edgeConfig(env: Env): Pick<AppConfig, 'trustProxy' | 'allowedOrigins'> {
  return { trustProxy: env.TRUST_PROXY, allowedOrigins: env.ALLOWED_ORIGINS };
}

/** What the server answers or reads again from memory, and for how long. */
export function reuseConfig(env: Env): Pick<AppConfig, 'publicAnswerSeconds' | 'readReuseSeconds'> {
  return { publicAnswerSeconds: env.PUBLIC_ANSWER_SECONDS, readReuseSeconds: env.READ_REUSE_SECONDS };
}

/** The parts of the app's configuration about mail and login, from the environment. */
export function mailAndLoginConfig(env: Env): Pick<AppConfig, 'publicUrl' | 'mail' | 'oidc'> {
  const publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
  return {
    publicUrl,
    mail: { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM ?? `Kompetansebro <ikke-svar@${new URL(publicUrl).hostname}>` },
    oidc:
      env.OIDC_ISSUER && env.OIDC_CLIENT_ID
        ? {
            issuer: env.OIDC_ISSUER,
            clientId: env.OIDC_CLIENT_ID,
            clientSecret: env.OIDC_CLIENT_SECRET,
            displayName: env.OIDC_DISPLAY_NAME ?? new URL(env.OIDC_ISSUER).hostname,
            scopes: env.OIDC_SCOPES,
          }
        : null,
  };
}
