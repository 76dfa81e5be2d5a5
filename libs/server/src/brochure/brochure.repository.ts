import { sql } from 'kysely';
import { hasActorId, mergeServiceConditions, type Brochure } from '@kompetansebro/domain';
import { publicLibraryKinds, NotFoundError } from '@kompetansebro/domain';
import { requireVisible, type Scope } from '../auth/visibility';
import type { Executor } from '../persistence/executor';
import { groupedBy } from '../persistence/repository-helpers';

/**
 * The students' brochure of a study centre, from the records as they are now: its catchment
 * municipalities, their libraries (main libraries first, then branches) and the services each
 * gives students (not archived), with conditions and contact details. A study centre the scope
 * does not reach is answered as one that does not exist.
 */
export async function getBrochure(db: Executor, scope: Scope, studyCentreId: string): Promise<Brochure> {
  requireVisible(hasActorId(scope.studyCentres, studyCentreId), 'study centre');
  return brochureOf(db, studyCentreId, scope.coverageMunicipalities);
}

/**
 * The brochure as the public student finder prints it (issue 15): the same published facts —
 * libraries that are not archived, their services for students, the libraries' own contact
 * details, never a contact person — of the whole catchment area, for anyone.
 */
export async function getPublicBrochure(db: Executor, studyCentreId: string): Promise<Brochure> {
  const archived = await db.selectFrom('actor').select('id').where('id', '=', studyCentreId).where('archived_at', 'is not', null).executeTakeFirst();
  if (archived) throw new NotFoundError('study centre');
  return brochureOf(db, studyCentreId, null);
}

/** The brochure of the catchment municipalities within `reach` (null: all of them). */
async function brochureOf(db: Executor, studyCentreId: string, reach: readonly string[] | null): Promise<Brochure> {
  const centre = await db
    .selectFrom('actor')
    .select(['id', 'name', 'address', 'email', 'phone', 'website'])
    .where('id', '=', studyCentreId)
    .where('kind', '=', 'study_centre')
    .executeTakeFirst();
  if (!centre) throw new NotFoundError('study centre');

  const area = (await db.selectFrom('catchment_area').select('municipality_number').where('study_centre_id', '=', studyCentreId).execute())
    .map((r) => r.municipality_number)
    .filter((n) => reach === null || reach.includes(n));

  // The municipalities, and the libraries with their services for students, read side by side.
  const librariesOfArea = db
    .selectFrom('actor')
    .where('kind', 'in', publicLibraryKinds)
    .where('archived_at', 'is', null)
    .where('municipality_number', 'in', area);
  const [municipalities, libraries, services] = area.length
    ? await Promise.all([
        db
          .selectFrom('municipality as m')
          .leftJoin('region as r', 'r.id', 'm.region_id')
          .select(['m.number', 'm.name', 'r.name as region_name', 'r.sort_key as region_sort_key'])
          .where('m.number', 'in', area)
          .orderBy(sql`m.sort_key collate "C"`)
          .execute(),
        librariesOfArea
          .select(['id', 'name', 'kind', 'parent_id', 'municipality_number', 'address', 'email', 'phone', 'website'])
          .orderBy('kind', 'desc')
          .orderBy(sql`sort_key collate "C"`)
          .execute(),
        db
          .selectFrom('service as s')
          .select(['s.id', 's.actor_id', 's.type', 's.description', 's.conditions', 's.weekly_hours', 's.confirmed_at'])
          .where('s.actor_id', 'in', librariesOfArea.select('id'))
          .where('s.archived_at', 'is', null)
          .where(sql<boolean>`s.audiences @> '["students"]'::jsonb`)
          .orderBy('s.type')
          .execute(),
      ])
    : [[], [], []];
  const librariesIn = groupedBy(libraries, (l) => l.municipality_number);
  const servicesOf = groupedBy(services, (s) => s.actor_id);

  const regionNames = [...new Map(municipalities.filter((m) => m.region_name).map((m) => [m.region_name as string, m.region_sort_key ?? ''])).entries()]
    .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name]) => name);

  return {
    studyCentre: { id: centre.id, name: centre.name, address: centre.address, email: centre.email, phone: centre.phone, website: centre.website },
    regionNames,
    generatedAt: new Date().toISOString(),
    municipalities: municipalities.map((m) => ({
      number: m.number,
      name: m.name,
      libraries: (librariesIn.get(m.number) ?? []).map((l) => ({
        id: l.id,
        name: l.name,
        kind: l.kind as 'public_library' | 'library_branch',
        parentId: l.parent_id,
        address: l.address,
        email: l.email,
        phone: l.phone,
        website: l.website,
        services: (servicesOf.get(l.id) ?? []).map((s) => ({
          id: s.id,
          type: s.type,
          description: s.description,
          conditions: mergeServiceConditions(s.conditions as Record<string, unknown>),
          weeklyHours: s.weekly_hours === null ? null : Number(s.weekly_hours),
          confirmedAt: s.confirmed_at,
        })),
      })),
    })),
  };
}
