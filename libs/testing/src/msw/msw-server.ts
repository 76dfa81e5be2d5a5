import { setupServer } from 'msw/node';

/**
 * The one msw server of a component-test run (started in component-setup.ts). A test adds
 * its handlers with `mswServer.use(...)`; they are reset after each test. Requests nobody
 * handles fail the test.
 */
export const mswServer = setupServer();
