// A server process for the API benchmark: `app` serves Kompetansebro's real app, `raw` a bare
// node:http handler that runs the same SQL (captured from the app for each route: BENCH_SQL names
// a JSON object of "/role/path" → statements) straight on the driver, named as the app names them,
// makes JSON of the rows and sends the app's answer (BENCH_ANSWERS), so both put the same bytes on
// the wire: a route the app answers from memory (the open data's 300 KB of all libraries after one
// rate-limit count) is not compared with a baseline that sends a few bytes.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { serve } from '@hono/node-server';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { namedStatementClient, openDatabase, pgliteExtensions, pgliteNamedQueries } from '@kompetansebro/db';
import { createApp, createServerLogger, tuneRuntimeForServing } from '@kompetansebro/server';
import { benchAppConfig } from './bench-app-config';

const mode = process.argv[2];
const port = Number(process.env['PORT']);
const databaseUrl = process.env['DATABASE_URL'];
const pgliteDir = process.env['PGLITE_DIR'];

interface CapturedQuery {
  sql: string;
  parameters: unknown[];
}

async function runApp(): Promise<void> {
  const handle = await openDatabase(databaseUrl ? { kind: 'postgres', url: databaseUrl, poolSize: 20 } : { kind: 'pglite', dataDir: pgliteDir ?? '' });
  // The production server's logger at its default level (a line per request), written to a file
  // rather than the pipe this process announces itself on.
  const logger = createServerLogger({ level: process.env['LOG_LEVEL'] ?? 'info', dest: process.env['BENCH_LOG'] ?? '/dev/null' });
  // Behind a proxy on loopback (TRUST_PROXY), as in production: the bench's anonymous clients
  // come from many addresses (X-Forwarded-For), as the open data API's do, each within its rate limit.
  const app = createApp({ db: handle.db, logger, config: benchAppConfig(handle.target, { trustProxy: ['127.0.0.1'] }) });
  serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () => console.log('ready'));
}

async function runRaw(): Promise<void> {
  const routes = new Map(Object.entries(JSON.parse(readFileSync(process.env['BENCH_SQL'] ?? '', 'utf8')) as Record<string, CapturedQuery[]>));
  // The app's answer to each route, kept as bytes, as the app keeps its public answers.
  const appAnswers = new Map(
    Object.entries(JSON.parse(readFileSync(process.env['BENCH_ANSWERS'] ?? '', 'utf8')) as Record<string, { contentType: string; body: string }>).map(
      ([path, answer]) => [path, { contentType: answer.contentType, body: new Uint8Array(Buffer.from(answer.body, 'base64')) }],
    ),
  );
  let query: (sql: string, parameters: unknown[]) => Promise<Record<string, unknown>[]>;
  // The statements run as the app's connection runs them: named, planned once per connection.
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 20, Client: namedStatementClient() });
    query = async (sql, parameters) => (await pool.query(sql, parameters)).rows;
  } else {
    const client = pgliteNamedQueries(await PGlite.create(pgliteDir ?? '', { extensions: pgliteExtensions }));
    query = async (sql, parameters) => (await client.query<Record<string, unknown>>(sql, parameters)).rows;
  }
  // Every statement the app ran for this request (session check, page with its total, the
  // page's parties…), in the same order; the result sets as JSON; the app's answer sent.
  createServer(async (request, response) => {
    const queries = routes.get(request.url ?? '');
    const answer = appAnswers.get(request.url ?? '');
    if (!queries || !answer) {
      response.writeHead(404).end();
      return;
    }
    try {
      const results: Record<string, unknown>[][] = [];
      for (const captured of queries) results.push(await query(captured.sql, captured.parameters));
      // The rows made into JSON and encoded, as the app makes its answer of them (the length is sent, so the work is not dropped).
      const encoded = Buffer.from(JSON.stringify(results), 'utf8');
      response.writeHead(200, { 'Content-Type': answer.contentType, 'X-Rows-Json-Bytes': String(encoded.length) });
      response.end(answer.body);
    } catch (error) {
      console.error(`raw ${request.url}: ${(error as Error).message}`);
      response.writeHead(500).end();
    }
  }).listen(port, '127.0.0.1', () => console.log('ready'));
}

// Both servers run on the engine settings the app ships with, so the baseline differs in the code only.
tuneRuntimeForServing();
await (mode === 'raw' ? runRaw() : runApp());
process.once('SIGTERM', () => process.exit(0)); // flushes --cpu-prof
