import type { Kysely } from 'kysely';
import { loadSampleData, mainLibraryKey, sampleId, type Database } from '@kompetansebro/db';
import { hash } from '@node-rs/argon2';
import {
  DEFAULT_EXPIRING_DAYS,
  statusByCalendar,
  todayInNorway,
  audiences,
  defaultServiceConditions,
  initiativeKinds,
  norwegianSortKey,
  serviceTypes,
  type ActivityKind,
  type ActorKind,
  type AgreementKind,
  type AgreementStatus,
  type PartyRole,
} from '@kompetansebro/domain';

export const BENCH_ADMIN = { email: 'bench@example.org', password: 'bench-password-123' };

/**
 * The users each app's lists are measured as: the demo accounts the sample data brings (password
 * `kompetansebro`), whose organisations the national dataset gives a national share of the rows.
 */
const DEMO_PASSWORD = 'kompetansebro';
export const BENCH_USERS = {
  county: { email: 'fylke@demo.kompetansebro.no', password: DEMO_PASSWORD },
  centre: { email: 'namdal@demo.kompetansebro.no', password: DEMO_PASSWORD },
  university: { email: 'ntnu@demo.kompetansebro.no', password: DEMO_PASSWORD },
  library: { email: 'namsos@demo.kompetansebro.no', password: DEMO_PASSWORD },
} as const;
export type BenchRole = keyof typeof BENCH_USERS | 'anonymous';

/** The demo organisations the role users act for (the sample data's stable ids). */
export const BENCH_ORGANISATIONS = {
  centre: sampleId('actor', 'study-centre-namdal'),
  university: sampleId('actor', 'ntnu-library'),
  library: sampleId('actor', mainLibraryKey('5007')),
};

/** The national scale the benchmarks measure at (issue: 15 counties, 357 municipalities, …). */
export const NATIONAL_SCALE = {
  counties: 15,
  municipalities: 357,
  actors: 2_000,
  agreements: 20_000,
  participations: 100_000,
  contactsPerActor: 2,
  servicesPerLibrary: 3,
  initiatives: 400,
  liaisonNotes: 3_000,
  auditEntries: 50_000,
};

/** A small deterministic generator (mulberry32), so every run measures the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function insertInBatches<T>(rows: T[], size: number, insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

const STATUSES: AgreementStatus[] = ['draft', 'negotiating', 'signed', 'active', 'active', 'active', 'expiring', 'expired', 'terminated'];
const KINDS: AgreementKind[] = ['cooperation', 'interlibrary_loan', 'partnership', 'mobility_partnership', 'other'];

export interface NationalDataset {
  regionIds: string[];
  studyCentreIds: string[];
  /** A generated main library and a generated study centre (for one-record routes). */
  libraryId: string;
}

/**
 * Fills an empty, migrated database with a national-scale dataset: the sample data (Trøndelag,
 * with the demo accounts and every kind of record), and around it the rest of the country, where
 * the demo organisations take part in their share of agreements, activities and notes.
 */
export async function generateNationalDataset(db: Kysely<Database>): Promise<NationalDataset> {
  await loadSampleData(db);
  const next = random(20261122);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

  // Regions: about three per county.
  const regions = Array.from({ length: NATIONAL_SCALE.counties * 3 }, (_, i) => ({ id: uuidFrom(next), name: `Region ${String(i + 1).padStart(2, '0')}` }));
  await db.insertInto('region').values(regions.map((r) => ({ ...r, sort_key: norwegianSortKey(r.name) }))).execute();

  const municipalities = Array.from({ length: NATIONAL_SCALE.municipalities }, (_, i) => ({
    number: String(1001 + i),
    name: `Kommune ${i + 1}`,
    region_id: (regions[i % regions.length] as { id: string }).id,
  }));
  await db.insertInto('municipality').values(municipalities.map((m) => ({ ...m, sort_key: norwegianSortKey(m.name) }))).execute();

  // Actors: a main library per municipality, branches, study centres, universities, schools, counties.
  type ActorSeed = { id: string; kind: ActorKind; name: string; municipality_number: string; parent_id: string | null };
  const actors: ActorSeed[] = [];
  const libraries: ActorSeed[] = [];
  for (const m of municipalities) {
    const library: ActorSeed = { id: uuidFrom(next), kind: 'public_library', name: `${m.name} bibliotek`, municipality_number: m.number, parent_id: null };
    actors.push(library);
    libraries.push(library);
  }
  const studyCentres = regions.map((r, i): ActorSeed => ({
    id: uuidFrom(next),
    kind: 'study_centre',
    name: `${r.name} studiesenter`,
    municipality_number: (municipalities[i % municipalities.length] as { number: string }).number,
    parent_id: null,
  }));
  actors.push(...studyCentres);
  for (let i = 0; i < NATIONAL_SCALE.counties; i++) {
    actors.push({ id: uuidFrom(next), kind: 'county_authority', name: `Fylkeskommune ${i + 1}`, municipality_number: pick(municipalities).number, parent_id: null });
  }
  while (actors.length < NATIONAL_SCALE.actors) {
    const main = pick(libraries);
    const isBranch = next() < 0.6;
    actors.push({
      id: uuidFrom(next),
      kind: isBranch ? 'library_branch' : 'upper_secondary_school',
      name: isBranch ? `Filial ${actors.length}` : `Videregående skole ${actors.length}`,
      municipality_number: main.municipality_number,
      parent_id: isBranch ? main.id : null,
    });
  }
  await insertInBatches(actors, 500, (batch) =>
    db.insertInto('actor').values(batch.map((a) => ({ ...a, sort_key: norwegianSortKey(a.name) }))).execute(),
  );

  // Agreements: a study centre with one or two libraries of its region.
  const today = todayInNorway();
  const agreements: Array<{ id: string; title: string; kind: AgreementKind; status: AgreementStatus; start_date: string; end_date: string }> = [];
  const parties: Array<{ agreement_id: string; actor_id: string; role: PartyRole; position: number }> = [];
  for (let i = 0; i < NATIONAL_SCALE.agreements; i++) {
    const id = uuidFrom(next);
    const startYear = 2020 + Math.floor(next() * 7);
    const start_date = `${startYear}-0${1 + Math.floor(next() * 9)}-01`;
    const end_date = `${startYear + 1 + Math.floor(next() * 4)}-12-31`;
    // Statuses as the calendar has them today, so the first request moves none (as in a system in use).
    const status = statusByCalendar({ status: pick(STATUSES), startDate: start_date, endDate: end_date }, today, DEFAULT_EXPIRING_DAYS);
    agreements.push({ id, title: `Samarbeidsavtale ${i + 1}`, kind: pick(KINDS), status, start_date, end_date });
    // One in twenty is the demo study centre's, one in forty has the demo library as a party.
    const centre = i % 20 === 0 ? { id: BENCH_ORGANISATIONS.centre } : pick(studyCentres);
    parties.push({ agreement_id: id, actor_id: centre.id, role: 'coordinator', position: 0 });
    const first = i % 40 === 1 ? { id: BENCH_ORGANISATIONS.library } : pick(libraries);
    parties.push({ agreement_id: id, actor_id: first.id, role: 'service_provider', position: 1 });
    const second = pick(libraries);
    if (second.id !== first.id && next() < 0.5) parties.push({ agreement_id: id, actor_id: second.id, role: 'service_provider', position: 2 });
  }
  await insertInBatches(agreements, 1000, (batch) =>
    db
      .insertInto('agreement')
      .values(batch.map((a) => ({ ...a, sort_key: norwegianSortKey(a.title), levels: '["practical"]', themes: '[]' })))
      .execute(),
  );
  await insertInBatches(parties, 2000, (batch) => db.insertInto('agreement_party').values(batch).execute());

  // Activities with ten participants each: 100,000 participations.
  const activityCount = NATIONAL_SCALE.participations / 10;
  const activities = Array.from({ length: activityCount }, (_, i) => ({
    id: uuidFrom(next),
    kind: pick<ActivityKind>(['webinar', 'meeting', 'course', 'conference']),
    title: `Aktivitet ${i + 1}`,
    start_date: `20${20 + Math.floor(next() * 7)}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-15`,
    organiser_id: i % 20 === 0 ? BENCH_ORGANISATIONS.centre : pick(studyCentres).id,
  }));
  await insertInBatches(activities, 1000, (batch) => db.insertInto('activity').values(batch).execute());
  const participations = activities.flatMap((activity) => {
    const chosen = new Set<string>();
    if (next() < 0.05) chosen.add(BENCH_ORGANISATIONS.library);
    while (chosen.size < 10) chosen.add(pick(actors).id);
    return [...chosen].map((actorId) => ({ activity_id: activity.id, actor_id: actorId, head_count: 1 + Math.floor(next() * 20) }));
  });
  await insertInBatches(participations, 2000, (batch) => db.insertInto('activity_participant').values(batch).execute());

  // Each generated study centre's catchment area: the municipalities of its region.
  await insertInBatches(
    municipalities.map((m) => ({ study_centre_id: (studyCentres[regions.findIndex((r) => r.id === m.region_id)] as ActorSeed).id, municipality_number: m.number })),
    1000,
    (batch) => db.insertInto('catchment_area').values(batch).execute(),
  );

  // Services: a few per main library (a share confirmed), and contacts: two per actor.
  const services = libraries.flatMap((library) =>
    Array.from({ length: NATIONAL_SCALE.servicesPerLibrary }, (_, i) => ({
      id: uuidFrom(next),
      actor_id: library.id,
      type: serviceTypes[(i * 4 + Math.floor(next() * 4)) % serviceTypes.length] as (typeof serviceTypes)[number],
      audiences: JSON.stringify([pick(audiences)]),
      description: `Tjeneste ${i + 1} ved ${library.name}`,
      conditions: JSON.stringify(defaultServiceConditions),
      weekly_hours: 10 + Math.floor(next() * 40),
      confirmed_at: next() < 0.7 ? `202${4 + Math.floor(next() * 3)}-0${1 + Math.floor(next() * 9)}-01` : null,
    })),
  );
  await insertInBatches(services, 1000, (batch) => db.insertInto('service').values(batch).execute());
  const contacts = actors.flatMap((actor) =>
    Array.from({ length: NATIONAL_SCALE.contactsPerActor }, (_, i) => {
      const name = `Kontakt ${i + 1} ${actor.name}`;
      return { actor_id: actor.id, name, sort_key: norwegianSortKey(name), role: i === 0 ? 'Leder' : 'Rådgiver', email: `kontakt${i}.${actor.id.slice(0, 8)}@example.org` };
    }),
  );
  await insertInBatches(contacts, 1000, (batch) => db.insertInto('contact').values(batch).execute());

  // Initiatives (the county's), each with a few plan items.
  const initiatives = Array.from({ length: NATIONAL_SCALE.initiatives }, (_, i) => {
    const title = `Tiltak ${i + 1}`;
    return { id: uuidFrom(next), kind: pick(initiativeKinds), title, sort_key: norwegianSortKey(title), owner_id: pick(studyCentres).id, start_date: `202${3 + Math.floor(next() * 4)}-01-01` };
  });
  await insertInBatches(initiatives, 500, (batch) => db.insertInto('initiative').values(batch).execute());
  const planItems = initiatives.flatMap((initiative) =>
    Array.from({ length: 3 }, (_, position) => ({ initiative_id: initiative.id, position, title: `Steg ${position + 1} i ${initiative.title}`, responsible_actor_id: pick(libraries).id })),
  );
  await insertInBatches(planItems, 1000, (batch) => db.insertInto('plan_item').values(batch).execute());

  // Liaison notes: the demo university library's channels with libraries across the country.
  const notes = Array.from({ length: NATIONAL_SCALE.liaisonNotes }, (_, i) => ({
    id: uuidFrom(next),
    university_id: i % 3 === 0 ? BENCH_ORGANISATIONS.university : null,
    target_actor_id: i % 10 === 0 ? BENCH_ORGANISATIONS.library : pick(libraries).id,
    body: `Notat ${i + 1}: avtalt oppfølging av studenttilbudet.`,
  }));
  await insertInBatches(notes, 1000, (batch) => db.insertInto('liaison_note').values(batch).execute());
  // As in use: the university library and each library addressed have read all but the newest
  // few of their notes (the unread counts look these up).
  const reads = notes.flatMap((note, i) => {
    if (i >= notes.length * 0.95) return [];
    const readers = [note.target_actor_id, ...(note.university_id ? [note.university_id] : [])];
    return readers.map((organisation_id) => ({ note_id: note.id, organisation_id }));
  });
  await insertInBatches(reads, 2000, (batch) => db.insertInto('liaison_note_read').values(batch).execute());

  // The audit log of a system in use: one entry per change.
  const audit = Array.from({ length: NATIONAL_SCALE.auditEntries }, (_, i) => {
    const agreement = agreements[i % agreements.length] as { id: string; title: string };
    return { entity: 'agreement' as const, entity_id: agreement.id, action: 'update', before: JSON.stringify({ title: agreement.title }), after: JSON.stringify({ title: `${agreement.title}.` }) };
  });
  await insertInBatches(audit, 2000, (batch) => db.insertInto('audit_entry').values(batch).execute());

  // The county admin the benchmark logs in as.
  const county = actors.find((a) => a.kind === 'county_authority') as ActorSeed;
  const adminId = uuidFrom(next);
  await db.insertInto('app_user').values({ id: adminId, email: BENCH_ADMIN.email, name: 'Bench admin', password_hash: await hash(BENCH_ADMIN.password) }).execute();
  await db.insertInto('membership').values({ user_id: adminId, organisation_id: county.id, role: 'county_admin' }).execute();

  return { regionIds: regions.map((r) => r.id), studyCentreIds: studyCentres.map((c) => c.id), libraryId: (libraries[0] as ActorSeed).id };
}
