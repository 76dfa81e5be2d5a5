import { sql } from 'kysely';
import * as client from 'openid-client';
import type { OidcLoginError } from '@kompetansebro/domain';
import type { Executor } from '../persistence/executor';
import type { OidcConfig } from '../http/app-env';
import { hashToken } from './session';

// Login through any OpenID Connect provider (Feide, Microsoft Entra ID, ID-porten, …): the
// authorization code flow with PKCE, state and nonce. What the flow must remember between
// the start and the callback (verifier, nonce, where to return) is a short-lived database row
// keyed by the hash of the state; the browser holds the state in an HttpOnly cookie, so only
// the browser that started a login can finish it, and only once.

export const OIDC_CALLBACK_PATH = '/api/auth/oidc/callback';
export const OIDC_LOGIN_VALID_MINUTES = 10;
export const DEFAULT_OIDC_SCOPES = 'openid email profile';

/** A login that cannot go on, with the code the login page explains it by. */
export class OidcLoginFailure extends Error {
  constructor(
    readonly code: OidcLoginError,
    message: string,
    readonly returnTo: string | null = null,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

export interface OidcIdentity {
  /** Lower-cased; null when the provider vouched for none. */
  email: string | null;
  subject: string;
  returnTo: string | null;
}

export interface OidcLogin {
  /** What the login page calls the provider. */
  readonly name: string;
  /** Begins a login: the provider's authorization URL, and the state for the browser's cookie. */
  start(db: Executor, returnTo: string | null): Promise<{ authorizationUrl: string; state: string }>;
  /** Completes it from the callback's query string and the state in the browser's cookie. */
  finish(db: Executor, callbackSearch: string, state: string | undefined): Promise<OidcIdentity>;
}

/** http is allowed only for a provider on this machine (tests, a local mock in development). */
export function isLoopbackHttp(issuer: string): boolean {
  const url = new URL(issuer);
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The provider's metadata is discovered at the first login (not at start-up), and again after a failure. */
export function createOidcLogin(config: OidcConfig, publicUrl: string): OidcLogin {
  const redirectUri = `${publicUrl}${OIDC_CALLBACK_PATH}`;
  const scopes = config.scopes ?? DEFAULT_OIDC_SCOPES;
  let discovered: Promise<client.Configuration> | null = null;

  const configuration = (): Promise<client.Configuration> => {
    discovered ??= client
      .discovery(
        new URL(config.issuer),
        config.clientId,
        config.clientSecret,
        config.clientSecret ? client.ClientSecretPost(config.clientSecret) : client.None(),
        { execute: isLoopbackHttp(config.issuer) ? [client.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw new OidcLoginFailure('oidc_unavailable', 'The identity provider could not be reached', null, error);
      });
    return discovered;
  };

  return {
    name: config.displayName,

    async start(db, returnTo) {
      const oidc = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await db.deleteFrom('oidc_login').where('expires_at', '<', sql<Date>`now()`).execute();
      await db
        .insertInto('oidc_login')
        .values({
          state_hash: hashToken(state),
          code_verifier: codeVerifier,
          nonce,
          return_to: returnTo,
          expires_at: sql<Date>`now() + make_interval(mins => ${OIDC_LOGIN_VALID_MINUTES})`,
        })
        .execute();
      const authorizationUrl = client.buildAuthorizationUrl(oidc, {
        redirect_uri: redirectUri,
        scope: scopes,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { authorizationUrl: authorizationUrl.href, state };
    },

    async finish(db, callbackSearch, state) {
      if (!state) throw new OidcLoginFailure('oidc_failed', 'No login under way in this browser');
      // Consumed whatever happens next: a state is good for one try.
      const pending = await db
        .deleteFrom('oidc_login')
        .where('state_hash', '=', hashToken(state))
        .where('expires_at', '>', sql<Date>`now()`)
        .returning(['code_verifier', 'nonce', 'return_to'])
        .executeTakeFirst();
      if (!pending) throw new OidcLoginFailure('oidc_failed', 'The login has expired or was finished already');
      const returnTo = pending.return_to;
      const oidc = await configuration();
      const currentUrl = new URL(redirectUri);
      currentUrl.search = callbackSearch;
      let tokens;
      try {
        tokens = await client.authorizationCodeGrant(oidc, currentUrl, {
          pkceCodeVerifier: pending.code_verifier,
          expectedState: state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
      } catch (error) {
        throw new OidcLoginFailure('oidc_failed', 'The identity provider refused the login or its answer did not verify', returnTo, error);
      }
      const claims = tokens.claims();
      if (!claims) throw new OidcLoginFailure('oidc_failed', 'No ID token', returnTo);
      let email: unknown = claims['email'];
      let verified: unknown = claims['email_verified'];
      if (typeof email !== 'string' && oidc.serverMetadata().userinfo_endpoint) {
        try {
          const userInfo = await client.fetchUserInfo(oidc, tokens.access_token, claims.sub);
          email = userInfo.email;
          verified = userInfo.email_verified;
        } catch (error) {
          throw new OidcLoginFailure('oidc_failed', 'The user info could not be read', returnTo, error);
        }
      }
      // A provider that says the address is not verified does not vouch for it.
      const vouched = typeof email === 'string' && email.includes('@') && verified !== false && verified !== 'false';
      return { email: vouched ? (email as string).trim().toLowerCase() : null, subject: claims.sub, returnTo };
    },
  };
}

const APP_BASES = ['/fylke/', '/studiesenter/', '/universitet/'] as const;

/**
 * A same-site path to return to after login, or null: an absolute path on this site (not
 * `//host`, not `/\host`, no scheme, no control characters), at most 2000 characters.
 */
export function safeReturnTo(value: string | undefined): string | null {
  if (!value || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  const base = 'http://same-site.invalid';
  const url = new URL(value, base);
  return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : null;
}

/**
 * The login page of the app the user came from (by returnTo's base path), with why the login
 * failed and — as the app's router reads it, without the base path — where they were going.
 */
export function loginPageFor(returnTo: string | null, error: OidcLoginError): string {
  const app = APP_BASES.find((b) => returnTo?.startsWith(b));
  const params = new URLSearchParams({ error });
  const within = app && returnTo ? returnTo.slice(app.length - 1) : null;
  if (within && within !== '/') params.set('returnTo', within);
  return `${app ?? '/fylke/'}logg-inn?${params.toString()}`;
}

/** Where to go after a successful login. */
export function afterLogin(returnTo: string | null): string {
  return returnTo ?? '/fylke/';
}
