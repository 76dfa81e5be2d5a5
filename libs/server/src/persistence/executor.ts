import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@kompetansebro/db';

/** What a repository function runs its SQL on: the database, or the transaction it is part of. */
export type Executor = Kysely<Database> | Transaction<Database>;
