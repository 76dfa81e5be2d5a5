import type { Kysely } from 'kysely';
import { norwegianSortKey } from '@kompetansebro/domain';
import type { Database } from '../database';
import { sampleActors } from './actors';
import { sampleMunicipalities } from './municipalities';
import { sampleId } from './sample-id';

export interface SampleDataResult {
  regions: number;
  municipalities: number;
  actors: number;
}

/**
 * Loads the sample dataset. Idempotent: rows that exist (by their stable ids) are left as they
 * are, so a user's edits survive a restart, and a second load adds nothing.
 */
export async function loadSampleData(db: Kysely<Database>): Promise<SampleDataResult> {
  return db.transaction().execute(async (trx) => {
    const regionNames = [...new Set(sampleMunicipalities.map((m) => m.region))];
    const regions = await trx
      .insertInto('region')
      .values(regionNames.map((name) => ({ id: sampleId('region', name), name, sort_key: norwegianSortKey(name) })))
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();

    const municipalities = await trx
      .insertInto('municipality')
      .values(
        sampleMunicipalities.map((m) => ({
          number: m.number,
          name: m.name,
          sort_key: norwegianSortKey(m.name),
          region_id: sampleId('region', m.region),
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('number')
      .execute();

    // Parents first: the list is ordered so that every parent precedes its children.
    const actors = await trx
      .insertInto('actor')
      .values(
        sampleActors.map((a) => ({
          id: sampleId('actor', a.key),
          kind: a.kind,
          name: a.name,
          sort_key: norwegianSortKey(a.name),
          short_name: a.shortName ?? null,
          organisation_number: a.organisationNumber ?? null,
          municipality_number: a.municipality ?? null,
          parent_id: a.parent ? sampleId('actor', a.parent) : null,
          website: a.website ?? null,
          description: a.description ?? null,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .execute();

    if (actors.length > 0) {
      await trx
        .insertInto('audit_entry')
        .values({ user_id: null, entity: 'sample-data', entity_id: 'actor', action: 'load', before: null, after: JSON.stringify({ actors: actors.length }) })
        .execute();
    }
    return { regions: regions.length, municipalities: municipalities.length, actors: actors.length };
  });
}
