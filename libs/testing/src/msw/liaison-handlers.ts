import {
  keyStudentServices,
  noteCreateSchema,
  fieldErrorsFromIssues,
  studentCountsUpdateSchema,
  type LiaisonActivity,
  type LiaisonLibrary,
  type LiaisonNote,
  type Me,
  type Needs,
  type StudentCountSet,
} from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildLiaisonNote } from '../factories/liaison.factory';
import { buildMe, buildMembership, testOrganisations } from '../factories/user.factory';
import { testMunicipalities } from '../factories/reference.factory';
import { problemResponse } from './problem';

const api = (path: string) => `*/api${path}`;

/**
 * The liaison API behind msw: libraries, one university's student counts (versioned: a stale
 * If-Match is 412), notes and activities. `failing` makes a read answer 500 (error states);
 * `bumpCounts()` plays someone else saving first.
 */
export class LiaisonStore {
  /** The NTNU liaison, as `/api/me` answers for them. */
  me: Me = buildMe({ memberships: [buildMembership(testOrganisations.ntnuLibrary, 'university_liaison')] });
  libraries: LiaisonLibrary[] = [];
  counts: StudentCountSet = { organisationId: '00000000-0000-4000-8043-000000000001', period: 'current', counts: [], version: 0, updatedAt: null };
  notes: LiaisonNote[] = [];
  activities: { upcoming: LiaisonActivity[]; past: LiaisonActivity[] } = { upcoming: [], past: [] };
  subscribed = false;
  failing = new Set<'libraries' | 'needs' | 'notes' | 'activities'>();
  readonly received: Array<{ method: string; path: string; body: unknown; ifMatch: string | null }> = [];

  constructor(init: Partial<Pick<LiaisonStore, 'libraries' | 'notes' | 'activities'>> = {}) {
    Object.assign(this, init);
  }

  bumpCounts(counts: StudentCountSet['counts']): void {
    this.counts = { ...this.counts, counts, version: this.counts.version + 1, updatedAt: new Date().toISOString() };
  }

  needs(): Needs {
    const students = new Map(this.counts.counts.map((c) => [c.municipalityNumber, c.count]));
    return {
      organisationId: this.counts.organisationId,
      period: this.counts.period,
      municipalities: testMunicipalities.map((m) => ({
        municipalityNumber: m.number,
        municipalityName: m.name,
        regionId: m.regionId,
        regionName: m.regionName,
        students: students.get(m.number) ?? 0,
        libraries: Object.fromEntries(
          keyStudentServices.map((service) => [
            service,
            this.libraries.filter((l) => l.municipalityNumber === m.number && l.services.some((s) => s.type === service)).length,
          ]),
        ) as Needs['municipalities'][number]['libraries'],
      })),
    };
  }
}

export function liaisonHandlers(store = new LiaisonStore()) {
  return [
    http.get(api('/me'), () => HttpResponse.json(store.me)),
    http.get(api('/liaison/libraries'), ({ request }) => {
      if (store.failing.has('libraries')) return problemResponse(500);
      const params = new URL(request.url).searchParams;
      const q = params.get('q')?.toLocaleLowerCase('nb');
      const service = params.get('service');
      const region = params.get('region');
      const page = Number(params.get('page') ?? 1);
      const pageSize = Number(params.get('pageSize') ?? 25);
      const items = store.libraries.filter(
        (l) =>
          (!q || l.name.toLocaleLowerCase('nb').includes(q)) &&
          (!service || l.services.some((s) => s.type === service)) &&
          (!region || l.regionId === region),
      );
      return HttpResponse.json({ items: items.slice((page - 1) * pageSize, page * pageSize), total: items.length, page, pageSize });
    }),
    http.get(api('/liaison/student-counts'), () => HttpResponse.json(store.counts, { headers: { ETag: `"${store.counts.version}"` } })),
    http.put(api('/liaison/student-counts'), async ({ request }) => {
      const body: unknown = await request.json();
      const ifMatch = request.headers.get('If-Match');
      store.received.push({ method: 'PUT', path: '/api/liaison/student-counts', body, ifMatch });
      const parsed = studentCountsUpdateSchema.safeParse(body);
      if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
      if (ifMatch !== `"${store.counts.version}"`) return problemResponse(412);
      store.bumpCounts(parsed.data.counts.filter((c) => c.count > 0));
      return HttpResponse.json(store.counts, { headers: { ETag: `"${store.counts.version}"` } });
    }),
    http.get(api('/liaison/needs'), () => (store.failing.has('needs') ? problemResponse(500) : HttpResponse.json(store.needs()))),
    http.get(api('/liaison/threads'), () => {
      if (store.failing.has('notes')) return problemResponse(500);
      const threads = new Map<string, { universityId: string; universityName: string; targetActorId: string | null; targetRegionId: string | null; targetName: string; notes: number; lastNoteAt: string }>();
      for (const note of store.notes) {
        const key = `${note.universityId}:${note.targetActorId ?? note.targetRegionId}`;
        const thread = threads.get(key) ?? { ...note, notes: 0, lastNoteAt: note.createdAt };
        threads.set(key, { universityId: note.universityId, universityName: note.universityName, targetActorId: note.targetActorId, targetRegionId: note.targetRegionId, targetName: note.targetName, notes: thread.notes + 1, lastNoteAt: note.createdAt > thread.lastNoteAt ? note.createdAt : thread.lastNoteAt });
      }
      return HttpResponse.json({ items: [...threads.values()] });
    }),
    http.get(api('/liaison/notes'), ({ request }) => {
      if (store.failing.has('notes')) return problemResponse(500);
      const params = new URL(request.url).searchParams;
      const actor = params.get('actor');
      const region = params.get('region');
      const items = store.notes
        .filter((n) => (!actor || n.targetActorId === actor) && (!region || n.targetRegionId === region))
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      return HttpResponse.json({ items, total: items.length, page: 1, pageSize: 100 });
    }),
    http.post(api('/liaison/notes'), async ({ request }) => {
      const body: unknown = await request.json();
      store.received.push({ method: 'POST', path: '/api/liaison/notes', body, ifMatch: null });
      const parsed = noteCreateSchema.safeParse(body);
      if (!parsed.success) return problemResponse(400, fieldErrorsFromIssues(parsed.error.issues));
      const target = 'actorId' in parsed.data.target ? store.libraries.find((l) => l.id === (parsed.data.target as { actorId: string }).actorId) : undefined;
      const note = buildLiaisonNote({
        body: parsed.data.body,
        targetActorId: 'actorId' in parsed.data.target ? parsed.data.target.actorId : null,
        targetRegionId: 'regionId' in parsed.data.target ? parsed.data.target.regionId : null,
        targetName: target?.name ?? 'Region',
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      });
      store.notes = [...store.notes, note];
      return HttpResponse.json(note, { status: 201 });
    }),
    http.patch(api('/liaison/notes/:id'), async ({ params, request }) => {
      const body = (await request.json()) as { body?: string };
      const note = store.notes.find((n) => n.id === params['id']);
      if (!note) return problemResponse(404);
      if (request.headers.get('If-Match') !== `"${note.version}"`) return problemResponse(412);
      const edited: LiaisonNote = {
        ...note,
        body: body.body ?? note.body,
        version: note.version + 1,
        history: [...note.history, { version: note.version, body: note.body, editedAt: new Date().toISOString(), editedBy: note.authorName }],
      };
      store.notes = store.notes.map((n) => (n.id === note.id ? edited : n));
      return HttpResponse.json(edited);
    }),
    http.get(api('/liaison/digest-subscription'), () => HttpResponse.json({ subscribed: store.subscribed })),
    http.put(api('/liaison/digest-subscription'), async ({ request }) => {
      store.subscribed = ((await request.json()) as { subscribed: boolean }).subscribed;
      return HttpResponse.json({ subscribed: store.subscribed });
    }),
    http.get(api('/liaison/activities'), ({ request }) => {
      if (store.failing.has('activities')) return problemResponse(500);
      const when = new URL(request.url).searchParams.get('when') === 'past' ? 'past' : 'upcoming';
      return HttpResponse.json({ items: store.activities[when] });
    }),
    http.put(api('/liaison/activities/:id/participation'), ({ params }) => {
      const activity = store.activities.upcoming.find((a) => a.id === params['id']);
      if (!activity) return problemResponse(404);
      const joined = { ...activity, participating: true, participants: activity.participants + (activity.participating ? 0 : 1) };
      store.activities.upcoming = store.activities.upcoming.map((a) => (a.id === joined.id ? joined : a));
      return HttpResponse.json(joined);
    }),
  ];
}
