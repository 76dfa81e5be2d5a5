/** The login pages, the same in every app (Norwegian paths, as the user sees them). */
export const LOGIN_PATH = '/logg-inn';
export const FORGOT_PASSWORD_PATH = '/glemt-passord';
/** Where the e-mailed link (a reset, or an invitation) leads: `/<app>/nytt-passord?token=…`. */
export const RESET_PASSWORD_PATH = '/nytt-passord';
/** After logging in, where a user whose memberships lead to several apps chooses one. */
export const CHOOSE_APP_PATH = '/velg';

/**
 * Where to go after logging in: a path inside this app (as the router writes it, without the
 * base path), never another site, another app, or a login page; the front page otherwise.
 */
export function safeReturnTo(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  // A path of our own: one leading slash, no backslash (browsers read it as a slash), no control characters.
  // eslint-disable-next-line no-control-regex
  if (!value.startsWith('/') || value.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  const origin = 'https://app.invalid';
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.pathname.startsWith('//')) return '/';
  // Not back to a login page: after logging in, the user wants the app.
  if ([LOGIN_PATH, FORGOT_PASSWORD_PATH, RESET_PASSWORD_PATH].some((path) => url.pathname.replace(/\/+$/, '') === path)) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}

function text(value: unknown, max = 2000): string | undefined {
  return typeof value === 'string' && value !== '' && value.length <= max ? value : undefined;
}

/** `/logg-inn?returnTo=/aktorer%3Fq%3DNamsos&error=oidc_failed`: the router's plain parse. */
export interface LoginSearch {
  returnTo?: string;
  /** Why a login through the identity provider came back here (the API's code). */
  error?: string;
}

export function parseLoginSearch(search: Record<string, unknown>): LoginSearch {
  const result: LoginSearch = {};
  const returnTo = text(search['returnTo']);
  if (returnTo !== undefined) result.returnTo = returnTo;
  const error = text(search['error'], 100);
  if (error !== undefined) result.error = error;
  return result;
}

/** `/nytt-passord?token=…` */
export function parseResetSearch(search: Record<string, unknown>): { token?: string } {
  // A token of digits only arrives parsed as a number: take it back as text.
  const raw = typeof search['token'] === 'number' ? String(search['token']) : search['token'];
  const token = text(raw, 500);
  return token === undefined ? {} : { token };
}
