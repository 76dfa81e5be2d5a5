import { hc } from 'hono/client';
import type { AppType } from '@kompetansebro/server';

let client = hc<AppType>('/', { init: { credentials: 'same-origin' } });

/** Points the client at the API; an app reads the address from its runtime config at start. */
export function configureApi(options: { baseUrl: string }): void {
  const baseUrl = options.baseUrl === '' ? '/' : options.baseUrl;
  client = hc<AppType>(baseUrl, { init: { credentials: baseUrl === '/' ? 'same-origin' : 'include' } });
}

export function api() {
  return client;
}
