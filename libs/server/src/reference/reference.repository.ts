import { sql } from 'kysely';
import type { FieldError, Municipality, Region } from '@kompetansebro/domain';
import type { ReadReuse } from '../http/read-reuse';
import type { Executor } from '../persistence/executor';

/** Municipalities in Norwegian alphabetical order, with their region (everyMunicipality keeps them). */
async function readMunicipalities(db: Executor): Promise<Municipality[]> {
  const rows = await db
    .selectFrom('municipality as m')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .select(['m.number', 'm.name', 'm.region_id', 'r.name as region_name'])
    .orderBy(sql`m.sort_key collate "C"`)
    .execute();
  return rows.map((row) => ({
    number: row.number,
    name: row.name,
    regionId: row.region_id,
    regionName: row.region_name,
  }));
}

/**
 * Every municipality with its region, in Norwegian alphabetical order: the one way the API lists
 * them. Reference data, the same for everyone, and only migrations and seeding change it, so a
 * process reuses it for the reuse time (http/read-reuse.ts) instead of reading ~400 rows per request.
 */
export function everyMunicipality(db: Executor, reuse: ReadReuse): Promise<Municipality[]> {
  return reuse.answerOf('reference/municipalities', () => readMunicipalities(db));
}

export async function municipalityExists(db: Executor, number: string): Promise<boolean> {
  const row = await db.selectFrom('municipality').select('number').where('number', '=', number).executeTakeFirst();
  return row !== undefined;
}

/** A field error (`code`, at `pathOf(index)`) for each of `numbers` that no municipality has. */
export async function unknownMunicipalityErrors(db: Executor, numbers: readonly string[], code: string, pathOf: (index: number) => string): Promise<FieldError[]> {
  const known = new Set(
    numbers.length === 0 ? [] : (await db.selectFrom('municipality').select('number').where('number', 'in', [...numbers]).execute()).map((m) => m.number),
  );
  return numbers.flatMap((number, index) => (known.has(number) ? [] : [{ path: pathOf(index), code, message: 'No municipality has this number' }]));
}

export async function listRegions(db: Executor): Promise<Region[]> {
  const rows = await db
    .selectFrom('region as r')
    .leftJoin('municipality as m', 'm.region_id', 'r.id')
    .select((eb) => ['r.id', 'r.name', eb.fn.count<string>('m.number').as('municipality_count')])
    .groupBy(['r.id', 'r.name', 'r.sort_key'])
    .orderBy(sql`r.sort_key collate "C"`)
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, municipalityCount: Number(row.municipality_count) }));
}
