// Node-only test helpers (database, HTTP server): a separate entry from the browser-side
// factories and msw handlers, so component tests never load them.
export { openTestDatabase, type TestDatabase } from './test-database';
export { startTestServer, jsonBody, COUNTY_ADMIN, DEMO_PASSWORD, type TestServer, type AppFactory, type RequestAs } from './test-server';
export { freePort, startThrowawayPostgres, type ThrowawayPostgres } from './throwaway-postgres';
export { initialJavaScriptOf, INITIAL_JS_BUDGET_KIB, type InitialJavaScript } from './initial-javascript';
