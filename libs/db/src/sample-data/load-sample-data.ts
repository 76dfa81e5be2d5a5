import type { Kysely } from 'kysely';
import { norwegianSortKey } from '@kompetansebro/domain';
import type { Database } from '../database';
import { sampleActors, sampleStudyCentreRegions } from './actors';
import { loadDemoAccounts } from './accounts';
import { loadSampleActivities } from './activities';
import { loadSampleAgreements } from './agreements';
import { loadSampleContacts } from './contacts';
import { loadSampleInitiatives } from './initiatives';
import { loadSampleLiaisonData } from './liaison';
import { loadSampleOpeningHours } from './opening-hours';
import { loadSampleServices } from './services';
import { loadSampleSurveys } from './surveys';
import { sampleMunicipalities } from './municipalities';
import { sampleId } from './sample-id';
import { auditSampleLoad, insertNewSampleRows } from './sample-rows';

export interface SampleDataResult {
  regions: number;
  municipalities: number;
  actors: number;
  catchmentAreas: number;
  services: number;
  contacts: number;
  agreements: number;
  activities: number;
  initiatives: number;
  surveys: number;
  demoAccounts: number;
}

/**
 * Loads the sample dataset. Idempotent: rows that exist (by their stable ids) are left as they
 * are, so a user's edits survive a restart, and a second load adds nothing.
 */
export async function loadSampleData(db: Kysely<Database>): Promise<SampleDataResult> {
  return db.transaction().execute(async (trx) => {
    const regionNames = [...new Set(sampleMunicipalities.map((m) => m.region))];
    const regions = await insertNewSampleRows(trx, 'region', regionNames, (name) => ({ id: sampleId('region', name), name, sort_key: norwegianSortKey(name) }));

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
    const actors = await insertNewSampleRows(trx, 'actor', sampleActors, (a) => ({
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
    }));
    await auditSampleLoad(trx, 'actor', { actors: actors.size });

    // Each study centre's catchment area: the municipalities of the region it is named for.
    const catchmentAreas = await trx
      .insertInto('catchment_area')
      .values(
        sampleStudyCentreRegions.flatMap(({ centre, region }) =>
          sampleMunicipalities
            .filter((m) => m.region === region)
            .map((m) => ({ study_centre_id: sampleId('actor', centre), municipality_number: m.number })),
        ),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('study_centre_id')
      .execute();

    // In dependency order: agreements commit services; initiatives link activities and agreements.
    const services = await loadSampleServices(trx);
    const contacts = await loadSampleContacts(trx);
    const agreements = await loadSampleAgreements(trx);
    const activities = await loadSampleActivities(trx);
    const initiatives = await loadSampleInitiatives(trx);
    // Coming activities of the liaison's experience exchange; counted with the activities.
    const comingActivities = await loadSampleLiaisonData(trx);
    const demoAccounts = await loadDemoAccounts(trx);
    await loadSampleOpeningHours(trx);
    // After the libraries and their contacts: the survey asks every library, at its address.
    const surveys = await loadSampleSurveys(trx);

    return {
      regions: regions.size,
      municipalities: municipalities.length,
      actors: actors.size,
      catchmentAreas: catchmentAreas.length,
      services,
      contacts,
      agreements,
      activities: activities + comingActivities,
      initiatives,
      surveys,
      demoAccounts,
    };
  });
}
