import type { RequestHandler } from 'msw';
import { mergeServiceConditions, todayInNorway, type ServiceSummary } from '@kompetansebro/domain';
import { buildService, nextServiceId } from '../factories/service.factory';
import { ResourceStore, resourceHandlers } from './resource';

type ServiceChanges = Partial<Omit<ServiceSummary, 'conditions'>> & { conditions?: Partial<ServiceSummary['conditions']> };

/** The services of a scenario, served as given; `conditions` in a write is merged into the stored ones. */
export class ServiceStore extends ResourceStore<ServiceSummary> {
  override saveBySomeoneElse(id: string, { conditions, ...changes }: ServiceChanges): ServiceSummary {
    return this.change(id, { ...changes, conditions: mergeServiceConditions(this.get(id)?.conditions, conditions) });
  }
}

/** Handlers for /api/services over a store (pass one to inspect or change it in a test). */
export function serviceHandlers(store = new ServiceStore()): RequestHandler[] {
  const merged = (item: ServiceSummary | undefined, body: Record<string, unknown>) =>
    ({ ...body, conditions: mergeServiceConditions(item?.conditions, body['conditions'] as ServiceChanges['conditions']) }) as Partial<ServiceSummary>;
  return resourceHandlers('/services', store, {
    create: (body) => ({ ...buildService({ id: nextServiceId() }), ...merged(undefined, body) }) as ServiceSummary,
    changes: merged,
    actions: {
      confirm: (_item, body) => ({ confirmedAt: todayInNorway(), confirmedBy: body['confirmedBy'] as string }),
      archive: () => ({ archivedAt: new Date().toISOString() }),
    },
    unlists: ['archive'],
  });
}
