/**
 * Setup of the "component" Vitest project (vitest.config.ts): React components in happy-dom,
 * talking to msw instead of a server, in bokmål.
 */
import { initI18n } from '@kompetansebro/i18n';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mswServer } from './msw/msw-server';

// Screens load their chunks and queries lazily; on a busy machine that can take longer than the default second.
configure({ asyncUtilTimeout: 3000 });

beforeAll(async () => {
  mswServer.listen({ onUnhandledRequest: 'error' });
  await initI18n({ language: 'nb' });
});

afterEach(() => {
  cleanup();
  mswServer.resetHandlers();
  localStorage.clear();
  document.title = '';
});

afterAll(() => {
  mswServer.close();
});
