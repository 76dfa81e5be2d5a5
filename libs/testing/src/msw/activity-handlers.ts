import type { RequestHandler } from 'msw';
import { totalHeadCount, type ActivityCount, type ActivityDetail } from '@kompetansebro/domain';
import { http, HttpResponse } from 'msw';
import { buildActivityDetail, nextActivityId } from '../factories/activity.factory';
import { answerFor, api, ResourceStore, resourceHandlers } from './resource';

/** An actor the store knows by name, so participants and organisers written get theirs, as the API's joins do. */
export interface KnownActor {
  id: string;
  name: string;
  kind: string;
}

/** The activities of a scenario, served as given; `countsFor` says what `/activities/counts` answers to a query. */
export class ActivityStore extends ResourceStore<ActivityDetail> {
  private readonly counted: Array<{ params: Record<string, string>; items: ActivityCount[] }> = [];

  constructor(
    activities: readonly ActivityDetail[] = [],
    readonly actors: readonly KnownActor[] = [],
  ) {
    super(activities);
  }

  /** The list queries received. */
  get listRequests(): URLSearchParams[] {
    return this.queries;
  }

  countsFor(params: Record<string, string>, items: ActivityCount[]): this {
    this.counted.push({ params, items });
    return this;
  }

  counts(search: URLSearchParams): ActivityCount[] {
    return answerFor(this.counted, search) ?? [];
  }

  /** The names of the actors a write names (participants, organiser), from the scenario's actors. */
  named(body: Record<string, unknown>): Partial<ActivityDetail> {
    const name = (id: unknown) => this.actors.find((actor) => actor.id === id);
    const given = body['participants'] as Array<{ actorId: string; headCount?: number | null }> | undefined;
    const participants = given?.map((p) => ({ actorId: p.actorId, actorName: name(p.actorId)?.name ?? p.actorId, actorKind: name(p.actorId)?.kind ?? 'public_library', headCount: p.headCount ?? null }));
    return {
      ...(body as Partial<ActivityDetail>),
      ...('organiserId' in body ? { organiserName: name(body['organiserId'])?.name ?? null } : {}),
      ...(participants ? { participants, participantCount: participants.length, totalHeadCount: totalHeadCount(participants) } : {}),
    } as Partial<ActivityDetail>;
  }
}

/** Handlers for /api/activities over a store (pass one to inspect or change it in a test). */
export function activityHandlers(store = new ActivityStore()): RequestHandler[] {
  return [
    http.get(api('/activities/counts'), ({ request }) => HttpResponse.json({ items: store.counts(new URL(request.url).searchParams) })),
    ...resourceHandlers('/activities', store, {
      summary: ({ participants: _participants, ...summary }) => summary,
      create: (body) => ({ ...buildActivityDetail({ id: nextActivityId() }), ...store.named(body) }) as ActivityDetail,
      changes: (_item, body) => store.named(body),
      deletable: true,
    }),
  ];
}
