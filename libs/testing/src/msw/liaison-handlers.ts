import type { RequestHandler } from 'msw';
import {
  keyStudentServices,
  type KeyStudentService,
  type LiaisonActivity,
  type LiaisonLibrary,
  type LiaisonNote,
  type Me,
  type Needs,
  type StudentCountSet,
} from '@kompetansebro/domain';
import { http, HttpResponse, type JsonBodyType } from 'msw';
import { buildLiaisonNote } from '../factories/liaison.factory';
import { testMunicipalities } from '../factories/reference.factory';
import { buildMe, buildMembership, testOrganisations } from '../factories/user.factory';
import { problemResponse } from './problem';
import { answerFor, api, everything, pageOf, ScenarioStore } from './resource';

type Source = 'libraries' | 'needs' | 'notes' | 'activities';
type Threads = Array<{ universityId: string; universityName: string; targetActorId: string | null; targetRegionId: string | null; targetName: string; notes: number; lastNoteAt: string }>;

/**
 * One university liaison's scenario: the libraries (in the order given; `librariesFor` says what
 * a filter finds), the student counts (a save is echoed with the version one up), how many
 * libraries offer each key service per municipality (`offer`), notes and threads, activities.
 * `failing` makes a read answer 500 (error states).
 */
export class LiaisonStore extends ScenarioStore {
  /** The NTNU liaison, as `/api/me` answers for them. */
  me: Me = buildMe({ memberships: [buildMembership(testOrganisations.ntnuLibrary, 'university_liaison')] });
  libraries: LiaisonLibrary[] = [];
  counts: StudentCountSet = { organisationId: '00000000-0000-4000-8043-000000000001', period: 'current', counts: [], version: 0, updatedAt: null };
  /** Per municipality number, how many libraries offer each key service (none unless told). */
  offer: Record<string, Partial<Record<KeyStudentService, number>>> = {};
  notes: LiaisonNote[] = [];
  threads: Threads = [];
  activities: { upcoming: LiaisonActivity[]; past: LiaisonActivity[] } = { upcoming: [], past: [] };
  subscribed = false;
  failing = new Set<Source>();
  readonly found: Array<{ params: Record<string, string>; items: LiaisonLibrary[] }> = [];

  constructor(init: Partial<Pick<LiaisonStore, 'libraries' | 'notes' | 'activities' | 'offer' | 'threads'>> = {}) {
    super();
    Object.assign(this, init);
  }

  /** The threads a search finds: those whose library, region or university library's name holds it, as the API does. */
  threadsFound(q: string | null): Threads {
    const wanted = q?.toLocaleLowerCase('nb');
    return wanted ? this.threads.filter((t) => [t.targetName, t.universityName ?? ''].some((name) => name.toLocaleLowerCase('nb').includes(wanted))) : this.threads;
  }

  librariesFor(params: Record<string, string>, items: LiaisonLibrary[]): this {
    this.found.push({ params, items });
    return this;
  }

  /** Someone else saves counts: they and the version change (pair with `staleOnce('PUT')` for the 412). */
  bumpCounts(counts: StudentCountSet['counts']): void {
    this.counts = { ...this.counts, counts, version: this.counts.version + 1, updatedAt: new Date().toISOString() };
  }

  /** The needs: the test municipalities with the students counted and the libraries of `offer`. */
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
        libraries: Object.fromEntries(keyStudentServices.map((service) => [service, this.offer[m.number]?.[service] ?? 0])) as Needs['municipalities'][number]['libraries'],
      })),
    };
  }
}

export function liaisonHandlers(store = new LiaisonStore()): RequestHandler[] {
  /** A read of `source`: 500 while it is failing, else `answer`. */
  const read = (source: Source | null, answer: (search: URLSearchParams) => JsonBodyType) => ({ request }: { request: Request }) =>
    source && store.failing.has(source) ? problemResponse(500) : HttpResponse.json(answer(new URL(request.url).searchParams));
  const countsAnswer = () => HttpResponse.json(store.counts, { headers: { ETag: `"${store.counts.version}"` } });
  return [
    http.get(api('/me'), () => HttpResponse.json(store.me)),
    http.get(api('/liaison/libraries'), read('libraries', (search) => pageOf(answerFor(store.found, search) ?? store.libraries, search))),
    http.get(api('/liaison/student-counts'), countsAnswer),
    http.put(api('/liaison/student-counts'), ({ request }) =>
      store.answer(request, (body) => {
        store.bumpCounts(body['counts'] as StudentCountSet['counts']);
        return countsAnswer();
      }),
    ),
    http.get(api('/liaison/needs'), read('needs', () => store.needs())),
    http.get(api('/liaison/threads'), read('notes', (search) => pageOf(store.threadsFound(search.get('q')), search))),
    http.get(api('/liaison/notes'), read('notes', () => everything(store.notes))),
    http.post(api('/liaison/notes'), ({ request }) =>
      store.answer(request, (body) => {
        const target = body['target'] as { actorId?: string; regionId?: string };
        const note = buildLiaisonNote({
          body: String(body['body']),
          targetActorId: target.actorId ?? null,
          targetRegionId: target.regionId ?? null,
          targetName: store.libraries.find((library) => library.id === target.actorId)?.name ?? 'Region',
        });
        store.notes = [...store.notes, note];
        return HttpResponse.json(note, { status: 201 });
      }),
    ),
    http.patch(api('/liaison/notes/:id'), ({ request, params }) =>
      store.answer(request, (body) => {
        const note = store.notes.find((candidate) => candidate.id === params['id']);
        if (!note) return problemResponse(404);
        const edited: LiaisonNote = { ...note, ...body, version: note.version + 1 };
        store.notes = store.notes.map((candidate) => (candidate.id === note.id ? edited : candidate));
        return HttpResponse.json(edited);
      }),
    ),
    http.get(api('/liaison/digest-subscription'), () => HttpResponse.json({ subscribed: store.subscribed })),
    http.put(api('/liaison/digest-subscription'), ({ request }) =>
      store.answer(request, (body) => {
        store.subscribed = body['subscribed'] === true;
        return HttpResponse.json({ subscribed: store.subscribed });
      }),
    ),
    http.get(api('/liaison/activities'), read('activities', (search) => pageOf(store.activities[search.get('when') === 'past' ? 'past' : 'upcoming'], search))),
    http.put(api('/liaison/activities/:id/participation'), ({ request, params }) =>
      store.answer(request, () => {
        const activity = store.activities.upcoming.find((candidate) => candidate.id === params['id']);
        if (!activity) return problemResponse(404);
        const joined = { ...activity, participating: true, participants: activity.participants + 1 };
        store.activities.upcoming = store.activities.upcoming.map((candidate) => (candidate.id === joined.id ? joined : candidate));
        return HttpResponse.json(joined);
      }),
    ),
    http.delete(api('/liaison/activities/:id/participation'), ({ request, params }) =>
      store.answer(request, () => {
        const activity = store.activities.upcoming.find((candidate) => candidate.id === params['id']);
        if (!activity) return problemResponse(404);
        const left = { ...activity, participating: false, participants: activity.participants - (activity.participating ? 1 : 0) };
        store.activities.upcoming = store.activities.upcoming.map((candidate) => (candidate.id === left.id ? left : candidate));
        return HttpResponse.json(left);
      }),
    ),
  ];
}
