import { sql, type Kysely } from 'kysely';

// Frozen in time: imports no application code.

/**
 * What the login flows keep between two requests, in the database so that the API stays
 * stateless (any instance answers the next request) and needs no shared signing secret:
 * - oidc_login: one OpenID Connect login under way (its state, nonce, PKCE verifier and where
 *   to go afterwards), keyed by the SHA-256 of the state the browser holds in a cookie;
 *   consumed by the callback, valid minutes.
 * - rate_limit_event: one counted request (a password-reset request by address, a refused
 *   reset token, …) for limits that are not failed logins.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('oidc_login')
    .addColumn('state_hash', 'text', (col) => col.primaryKey())
    .addColumn('code_verifier', 'text', (col) => col.notNull())
    .addColumn('nonce', 'text', (col) => col.notNull())
    .addColumn('return_to', 'text')
    .addColumn('created_at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('oidc_login_expires_idx').on('oidc_login').column('expires_at').execute();

  await db.schema
    .createTable('rate_limit_event')
    .addColumn('id', 'bigint', (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('key', 'text', (col) => col.notNull())
    .addColumn('at', 'timestamptz', (col) => col.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('rate_limit_event_key_idx').on('rate_limit_event').columns(['kind', 'key', 'at']).execute();
  await db.schema.createIndex('rate_limit_event_at_idx').on('rate_limit_event').column('at').execute();

  await db.schema.createIndex('password_reset_user_idx').on('password_reset').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('password_reset_user_idx').execute();
  await db.schema.dropTable('rate_limit_event').execute();
  await db.schema.dropTable('oidc_login').execute();
}
