import { hc } from 'hono/client';
import type { AppType } from '@kompetansebro/server';

let apiBaseUrl = '';
let client = hc<AppType>('/', { init: { credentials: 'same-origin' } });

/** Points the client at the API; an app reads the address from its runtime config at start. */
export function configureApi(options: { baseUrl: string }): void {
  apiBaseUrl = options.baseUrl.replace(/\/+$/, '');
  const baseUrl = apiBaseUrl === '' ? '/' : apiBaseUrl;
  client = hc<AppType>(baseUrl, { init: { credentials: baseUrl === '/' ? 'same-origin' : 'include' } });
}

export function api() {
  return client;
}

/** The API's address for a path under it ('' before it is configured: the same origin). */
export function apiUrl(path: string): string {
  return `${apiBaseUrl}${path}`;
}
