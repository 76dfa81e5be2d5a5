import { sql } from 'kysely';
import {
  publicLibraryKinds,
  keyStudentServices,
  type KeyStudentService,
  type LiaisonLibrary,
  type LibraryListQuery,
  type Page,
  type ServiceHours,
} from '@kompetansebro/domain';
import { visibleActors, visibleRecordsOfActor, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { actorNameOf, groupedBy, likePattern, pageRows, publicLibraryKindLiterals } from '../persistence/repository-helpers';

// The university-library liaison (issue 8): the public libraries it works with, as far as the
// caller's Scope sees them.

export async function listLibraries(db: Executor, scope: Scope, query: LibraryListQuery): Promise<Page<LiaisonLibrary>> {
  // The libraries the query wants, from the actor table alone where it can: the joins below add
  // names to the page's rows and never change how many rows there are (each is to one row or none).
  let libraries = db
    .selectFrom('actor as a')
    .where('a.kind', 'in', publicLibraryKindLiterals)
    .where('a.archived_at', 'is', null)
    .where(visibleActors(scope, 'a', publicLibraryKinds));
  if (query.q || query.region) libraries = libraries.leftJoin('municipality as m', 'm.number', 'a.municipality_number');
  if (query.q) {
    const pattern = likePattern(query.q);
    libraries = libraries.where((eb) =>
      eb.or([
        eb(sql`a.search_vector`, '@@', sql`websearch_to_tsquery('norwegian', ${query.q})`),
        eb('a.name', 'ilike', pattern),
        eb(sql.ref('m.name'), 'ilike', pattern),
      ]),
    );
  }
  if (query.region) libraries = libraries.where(sql.ref('m.region_id'), '=', query.region);
  if (query.service) {
    const type = query.service;
    libraries = libraries.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('service as s')
          .select('s.id')
          .whereRef('s.actor_id', '=', 'a.id')
          .where('s.type', '=', type)
          .where('s.archived_at', 'is', null),
      ),
    );
  }
  const counted = libraries.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  // By region (none last), each main library with its branches after it, by name: one stored key
  // (actor.library_order, kept by the database), so the page is read in order from its index.
  // The page's own columns come with it (joined back to every actor, the planner hashed them all);
  // the main library's name is looked up by key, municipalities and regions (a few hundred) joined.
  // A picker asks for them by name (actor.sort_key, Norwegian order).
  const byName = query.sort === 'name';
  const paged = db
    .with('page', () =>
      pageRows(
        libraries
          .select(['a.id', 'a.library_order', 'a.sort_key', 'a.name', 'a.kind', 'a.parent_id', 'a.municipality_number'])
          .orderBy(byName ? sql`a.sort_key collate "C"` : sql`a.library_order`)
          .orderBy('a.id'),
        query,
      ),
    )
    .selectFrom('page')
    .leftJoin('municipality as m', 'm.number', 'page.municipality_number')
    .leftJoin('region as r', 'r.id', 'm.region_id')
    .select([
      'page.id',
      'page.name',
      'page.kind',
      'page.parent_id',
      actorNameOf('page.parent_id').as('parent_name'),
      'page.municipality_number',
      'm.name as municipality_name',
      'r.id as region_id',
      'r.name as region_name',
    ])
    .orderBy(byName ? sql`page.sort_key collate "C"` : sql`page.library_order`)
    .orderBy('page.id')
    .execute();
  // The count and the page at once: two statements on two connections, not one after the other.
  const [countRow, rows] = await Promise.all([counted, paged]);

  const ids = rows.map((r) => r.id);
  const services =
    ids.length === 0
      ? []
      : await db
          .selectFrom('service as s')
          .select(['s.id', 's.actor_id', 's.type', 's.conditions', 's.weekly_hours'])
          .where('s.actor_id', 'in', ids)
          .where('s.type', 'in', keyStudentServices)
          .where('s.archived_at', 'is', null)
          .where(visibleRecordsOfActor(scope, 's.actor_id', publicLibraryKinds))
          .execute();
  const order = (type: string) => keyStudentServices.indexOf(type as KeyStudentService);
  const servicesOf = groupedBy(services, (s) => s.actor_id);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind as LiaisonLibrary['kind'],
      parentId: r.parent_id,
      parentName: r.parent_name,
      municipalityNumber: r.municipality_number,
      municipalityName: r.municipality_name,
      regionId: r.region_id,
      regionName: r.region_name,
      services: (servicesOf.get(r.id) ?? [])
        .sort((x, y) => order(x.type) - order(y.type))
        .map((s) => ({
          id: s.id,
          type: s.type,
          hours: ((s.conditions as { hours?: ServiceHours | null } | null)?.hours ?? null) as ServiceHours | null,
          weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
        })),
    })),
    total: Number(countRow.total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

