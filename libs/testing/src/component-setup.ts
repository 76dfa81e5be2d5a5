/**
 * Setup of the "component" Vitest project (vitest.config.ts): React components in happy-dom,
 * talking to msw instead of a server, in bokmål.
 */
import { initI18n } from '@kompetansebro/i18n';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { mswServer } from './msw/msw-server';

// happy-dom gives each window its own `Document` subclass, which its `HTMLDocument` does not extend,
// so `document instanceof Document` is false (true in a browser). The popover polyfill in
// @digdir/designsystemet-web (Suggestion's list opens as a popover) climbs from an element until it
// meets a Document and so never stops. Let `instanceof Document` answer as a browser does.
if (!(document instanceof Document)) {
  const documentImplementation = Object.getPrototypeOf(Document.prototype).constructor as typeof Document;
  Object.defineProperty(Document, Symbol.hasInstance, { value: (value: unknown) => value instanceof documentImplementation });
}

// Screens load their chunks and queries lazily; on a busy machine that can take longer than the default second.
configure({ asyncUtilTimeout: 3000 });

// A request no handler answers fails the test that made it (msw alone only logs it, and happy-dom
// then tries the network): a screen asking for more than its test provides is a gap in the test.
const unhandled: string[] = [];

beforeAll(async () => {
  mswServer.listen({
    onUnhandledRequest: (request, print) => {
      unhandled.push(`${request.method} ${new URL(request.url).pathname}`);
      print.error();
    },
  });
  await initI18n({ language: 'nb' });
});

afterEach(() => {
  cleanup();
  mswServer.resetHandlers();
  localStorage.clear();
  document.title = '';
  const asked = unhandled.splice(0);
  if (asked.length > 0) throw new Error(`Requests no msw handler answered: ${[...new Set(asked)].join(', ')}`);
});

afterAll(() => {
  mswServer.close();
});
