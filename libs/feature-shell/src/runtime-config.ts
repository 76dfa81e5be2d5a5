import { RUNTIME_CONFIG_ELEMENT_ID } from '@kompetansebro/domain';

/** What an app reads at start from `config.json` beside its index.html (so one build runs anywhere). */
export interface RuntimeConfig {
  /** Where the API is: '' for the same origin, or e.g. 'https://api.example.no'. Paths start with /api. */
  apiBaseUrl: string;
  /** The address in the footer and the accessibility statement. */
  contactEmail: string;
}

/** Trøndelag fylkeskommune's public mailbox, until a deployment names another. */
export const DEFAULT_CONTACT_EMAIL = 'postmottak@trondelagfylke.no';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}


/** Reads `config.json` relative to the app's base path, or from the page when the serving API put it there; throws when it is missing or malformed. */
export async function loadRuntimeConfig(basePath: string): Promise<RuntimeConfig> {
  const inline = document.getElementById(RUNTIME_CONFIG_ELEMENT_ID)?.textContent;
  let body: unknown;
  if (inline) body = JSON.parse(inline);
  else {
    const response = await fetch(`${basePath.replace(/\/?$/, '/')}config.json`, { cache: 'no-cache', credentials: 'same-origin' });
    if (!response.ok) throw new Error(`config.json: HTTP ${response.status}`);
    body = await response.json();
  }
  if (!isRecord(body) || typeof body['apiBaseUrl'] !== 'string') throw new Error('config.json: "apiBaseUrl" (a string) is missing');
  return {
    apiBaseUrl: body['apiBaseUrl'].replace(/\/+$/, ''),
    contactEmail: typeof body['contactEmail'] === 'string' && body['contactEmail'] !== '' ? body['contactEmail'] : DEFAULT_CONTACT_EMAIL,
  };
}
