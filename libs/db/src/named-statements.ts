import { parse as pgliteResults, protocol, type PGlite, type Results } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * How many distinct statements a process names. The app builds a bounded set (one per query shape
 * and `in (…)` length); past this, statements run unnamed as before, so an unforeseen source of
 * distinct SQL cannot grow each connection's statements without end.
 */
export const NAMED_STATEMENT_LIMIT = 1_000;

/**
 * Searches are planned for each value: how common a word or pattern is decides the best plan, and
 * a generic plan evaluates the search function again for each row (text search on agreements: 4 → 34 ms).
 */
const PLANNED_PER_VALUE = /\b(i?like|(websearch_|plainto_|phraseto_)?to_tsquery)\b/i;

/**
 * The mark of a search written so that one plan serves every value, named like any other statement
 * (`.modifyFront(sql.raw(PLANNED_ONCE))`): its search words are made into a query once per run, in a
 * scalar subquery (`(select websearch_to_tsquery('norwegian', $1))`, which an index scan takes as its
 * key), not again for each row; and no choice in its plan hangs on how common the words are (no
 * `order by … limit` an index could serve). The search across all records (search.repository.ts):
 * planning it for each value was 5 of its 7 ms of PostgreSQL's CPU.
 */
export const PLANNED_ONCE = '/* planned once */';

const plannedPerValue = (text: string) => PLANNED_PER_VALUE.test(text) && !text.includes(PLANNED_ONCE);

/**
 * A statement without values is named too when it is one query that reads or changes rows (a list
 * with no filter: the county's contacts, services, activities), else it would be planned again
 * on every request like any unnamed one; anything else without values (several statements in one
 * text, a migration's DDL, VACUUM) stays on the simple protocol.
 */
const ONE_QUERY = /^\s*(select|with|insert|update|delete)\b[^;]*$/i;

/** Whether a statement runs by name: with values, or one query without (`ONE_QUERY`). */
const nameable = (text: string, values: readonly unknown[]) => values.length > 0 || ONE_QUERY.test(text);

/**
 * The name a statement with values runs under, or null to run it unnamed. Named, the database
 * parses and plans it once per connection instead of once per request: planning was ~40 % of
 * PostgreSQL's CPU on the filtered agreements page (1.76 → 1.00 ms a statement). One text, one
 * name, on every connection (a name must never stand for two texts).
 */
function statementNames(limit: number): (text: string) => string | null {
  const names = new Map<string, string | null>();
  return (text) => {
    let name = names.get(text);
    if (name === undefined && names.size < limit) {
      name = plannedPerValue(text) ? null : `kb_${names.size}`;
      names.set(text, name);
    }
    return name ?? null;
  };
}

/**
 * A pg client class that runs statements with values (and single queries without) by name. Other
 * statements without values stay on the simple protocol, where one text may hold several statements.
 */
export function namedStatementClient(limit = NAMED_STATEMENT_LIMIT): typeof pg.Client {
  const nameOf = statementNames(limit);
  return class NamedStatementClient extends pg.Client {
    // pg's query has a dozen overloads (config, text + values, callbacks, cursors); this adds a name
    // to one of them and hands every call on unchanged otherwise.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(first: any, ...rest: any[]): any {
      const [values, callback] = rest as [unknown, unknown];
      if (typeof first === 'string' && Array.isArray(values) && nameable(first, values) && callback === undefined) {
        const name = nameOf(first);
        if (name !== null) return super.query({ text: first, values, name });
      }
      return (super.query as (...args: unknown[]) => unknown)(first, ...rest);
    }
  };
}

/** What the Kysely PGlite dialect asks of its client. */
export type PGliteQueries = Pick<PGlite, 'query' | 'close'>;

/** Protocol messages sent as one: the backend runs them in one call into the WASM module. */
function together(...messages: Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(messages.reduce((length, message) => length + message.length, 0));
  let offset = 0;
  for (const message of messages) {
    joined.set(message, offset);
    offset += message.length;
  }
  return joined;
}

/**
 * PGlite's `query`, with statements with values run by name: PGlite's own `query` parses,
 * describes and plans each statement again on every call, in five calls into the WASM backend,
 * whose CPU is the embedded default's limit. Here the first run parses and describes the
 * statement; every run then binds and executes it in one call. Each call ends with Sync, so an
 * error leaves the session as PGlite's own `query` would.
 */
export function pgliteNamedQueries(client: PGlite, limit = NAMED_STATEMENT_LIMIT): PGliteQueries {
  const nameOf = statementNames(limit);
  /** The parameter types of each statement this database has parsed. */
  const parameterTypes = new Map<string, number[]>();
  const send = (message: Uint8Array) => client.execProtocolStream(message, { syncToFs: false });
  const { serialize } = protocol;

  async function prepare(name: string, text: string): Promise<number[]> {
    let types = parameterTypes.get(name);
    if (types) return types;
    try {
      const described = await send(together(serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()));
      types = pgliteResults.parseDescribeStatementResults(described);
    } catch (error) {
      // Should the Parse have passed, its name would refuse the next Parse of the statement.
      await send(together(serialize.close({ type: 'S', name }), serialize.sync())).catch(() => undefined);
      throw error;
    }
    parameterTypes.set(name, types);
    return types;
  }

  const query = (async <T>(text: string, values: unknown[] = [], options?: Parameters<PGlite['query']>[2]): Promise<Results<T>> => {
    const name = nameable(text, values) && options === undefined ? nameOf(text) : null;
    if (name === null) return client.query<T>(text, values, options);
    return client._runExclusiveQuery(async () => {
      const types = await prepare(name, text);
      const serialized = values.map((value, i) => {
        if (value === null || value === undefined) return null;
        const serializer = client.serializers[types[i] ?? 0];
        return serializer ? serializer(value) : String(value);
      });
      const messages = await send(together(serialize.bind({ statement: name, values: serialized }), serialize.describe({ type: 'P' }), serialize.execute({}), serialize.sync()));
      await client.syncToFs();
      return pgliteResults.parseResults(messages, client.parsers)[0] as Results<T>;
    });
  }) as PGlite['query'];
  return { query, close: () => client.close() };
}
