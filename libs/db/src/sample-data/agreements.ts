import type { Transaction } from 'kysely';
import { norwegianSortKey, type ServiceType } from '@kompetansebro/domain';
import type { Database } from '../database';
import { mainLibraryKey } from './actors';
import { sampleMunicipalities } from './municipalities';
import { sampleId } from './sample-id';

/** The services a study centre's agreement asks its libraries to commit, where they offer them. */
const COMMITTED_TYPES: ServiceType[] = ['study_places', 'exam_invigilation', 'university_loan_pickup', 'group_rooms', 'video_meeting_room'];

interface SampleAgreement {
  key: string;
  title: string;
  centre: string;
  region: string;
  startDate: string;
  endDate: string;
  signedAt: string;
  activatedAt: string;
}

/**
 * The agreements the seeds name: the study centres of Trøndelag sørvest and Trøndelag sør have
 * agreements with the public libraries of their regions (seed 000). Dates are invented.
 */
const sampleAgreements: SampleAgreement[] = [
  {
    key: 'trondelag-sorvest',
    title: 'Samarbeidsavtale mellom Studiesenter Trøndelag sørvest og folkebibliotekene i regionen',
    centre: 'study-centre-trondelag-sorvest',
    region: 'Trøndelag sørvest',
    startDate: '2024-08-01',
    endDate: '2027-07-31',
    signedAt: '2024-06-12T10:00:00Z',
    activatedAt: '2024-08-01T08:00:00Z',
  },
  {
    key: 'trondelag-sor',
    title: 'Samarbeidsavtale mellom Studiesenter Trøndelag sør og folkebibliotekene i regionen',
    centre: 'study-centre-trondelag-sor',
    region: 'Trøndelag sør',
    startDate: '2025-01-01',
    endDate: '2027-12-31',
    signedAt: '2024-11-20T10:00:00Z',
    activatedAt: '2025-01-01T08:00:00Z',
  },
];

/** Loads the sample agreements; returns how many were added (0 when they exist already). */
export async function loadSampleAgreements(trx: Transaction<Database>): Promise<number> {
  let added = 0;
  for (const agreement of sampleAgreements) {
    const id = sampleId('agreement', agreement.key);
    const inserted = await trx
      .insertInto('agreement')
      .values({
        id,
        title: agreement.title,
        sort_key: norwegianSortKey(agreement.title),
        kind: 'cooperation',
        status: 'active',
        description:
          'Studiesenteret og folkebibliotekene samarbeider om tjenester til studenter i regionen: studieplasser, eksamensavvikling og henting av lån fra universitetsbibliotekene. Eksempeldata: datoene er oppdiktet.',
        levels: JSON.stringify(['tactical', 'practical']),
        themes: JSON.stringify(['library_services_for_students', 'lifelong_learning']),
        start_date: agreement.startDate,
        end_date: agreement.endDate,
        sample_data: true,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) continue;
    added += 1;

    const centreId = sampleId('actor', agreement.centre);
    const libraryIds = sampleMunicipalities.filter((m) => m.region === agreement.region).map((m) => sampleId('actor', mainLibraryKey(m.number)));
    await trx
      .insertInto('agreement_party')
      .values([
        { agreement_id: id, actor_id: centreId, role: 'coordinator' as const, position: 0, accepted_at: agreement.signedAt },
        ...libraryIds.map((actorId, i) => ({ agreement_id: id, actor_id: actorId, role: 'service_provider' as const, position: i + 1, accepted_at: agreement.signedAt })),
      ])
      .execute();
    const services = await trx
      .selectFrom('service')
      .select(['id', 'actor_id'])
      .where('actor_id', 'in', libraryIds)
      .where('type', 'in', COMMITTED_TYPES)
      .execute();
    if (services.length > 0) {
      await trx
        .insertInto('agreement_service')
        .values(services.map((s) => ({ agreement_id: id, actor_id: s.actor_id, service_id: s.id })))
        .execute();
    }
    await trx
      .insertInto('agreement_transition')
      .values([
        { agreement_id: id, from_status: null, to_status: 'draft', at: '2024-03-01T09:00:00Z', user_id: null, note: null },
        { agreement_id: id, from_status: 'draft', to_status: 'negotiating', at: '2024-04-15T09:00:00Z', user_id: null, note: null },
        { agreement_id: id, from_status: 'negotiating', to_status: 'signed', at: agreement.signedAt, user_id: null, note: null },
        { agreement_id: id, from_status: 'signed', to_status: 'active', at: agreement.activatedAt, user_id: null, note: null },
      ])
      .execute();
  }
  return added + (await loadOkitAgreement(trx));
}

/**
 * The cooperation agreement between Trøndelag fylkeskommune and OKIT that seed 002 names:
 * internationalisation and Erasmus+ mobility in vocational training. Dates and text are invented.
 */
async function loadOkitAgreement(trx: Transaction<Database>): Promise<number> {
  const id = sampleId('agreement', 'county-okit');
  const title = 'Samarbeidsavtale mellom Trøndelag fylkeskommune og OKIT';
  const inserted = await trx
    .insertInto('agreement')
    .values({
      id,
      title,
      sort_key: norwegianSortKey(title),
      kind: 'mobility_partnership',
      status: 'active',
      description:
        'Fylkeskommunen og opplæringskontorene samarbeider om internasjonalisering og Erasmus+-mobilitet for lærlinger, faglærere og instruktører. Eksempeldata: datoene og teksten er oppdiktet.',
      levels: JSON.stringify(['strategic', 'tactical']),
      themes: JSON.stringify(['internationalisation', 'mobility']),
      start_date: '2024-01-01',
      end_date: '2027-12-31',
      sample_data: true,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return 0;
  const signedAt = '2023-12-05T10:00:00Z';
  await trx
    .insertInto('agreement_party')
    .values([
      { agreement_id: id, actor_id: sampleId('actor', 'county'), role: 'coordinator' as const, position: 0, accepted_at: signedAt },
      { agreement_id: id, actor_id: sampleId('actor', 'okit'), role: 'partner' as const, position: 1, accepted_at: signedAt },
    ])
    .execute();
  await trx
    .insertInto('agreement_transition')
    .values([
      { agreement_id: id, from_status: null, to_status: 'draft', at: '2023-09-01T09:00:00Z', user_id: null, note: null },
      { agreement_id: id, from_status: 'draft', to_status: 'negotiating', at: '2023-10-02T09:00:00Z', user_id: null, note: null },
      { agreement_id: id, from_status: 'negotiating', to_status: 'signed', at: signedAt, user_id: null, note: null },
      { agreement_id: id, from_status: 'signed', to_status: 'active', at: '2024-01-01T08:00:00Z', user_id: null, note: null },
    ])
    .execute();
  return 1;
}
