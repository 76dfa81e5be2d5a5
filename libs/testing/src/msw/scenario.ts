import type { ActivityDetail, ActorDetail, AgreementDetail, ContactSummary, InitiativeDetail, PlanItemDetail, ServiceSummary, User } from '@kompetansebro/domain';
import type { RequestHandler } from 'msw';
import type { AuditListEntry } from '../factories/audit.factory';
import { buildMe, buildMembership, testOrganisations } from '../factories/user.factory';
import { ActivityStore, activityHandlers } from './activity-handlers';
import { ActorStore, actorHandlers, referenceHandlers } from './actor-handlers';
import { AgreementStore, agreementHandlers } from './agreement-handlers';
import { AuditStore, auditHandlers } from './audit-handlers';
import { AuthStore, authHandlers, countyAdminAccount, type TestAccount } from './auth-handlers';
import { ContactStore, contactHandlers } from './contact-handlers';
import { InitiativeStore, initiativeHandlers } from './initiative-handlers';
import { mswServer } from './msw-server';
import { PlanItemStore, planItemHandlers } from './plan-item-handlers';
import { ServiceStore, serviceHandlers } from './service-handlers';
import { UserStore, userHandlers } from './user-handlers';

/** The data of a scenario: the records of each resource, and who is logged in (nobody when null). */
export interface ScenarioData {
  account?: TestAccount | null;
  actors?: ActorDetail[];
  services?: ServiceSummary[];
  contacts?: ContactSummary[];
  agreements?: AgreementDetail[];
  activities?: ActivityDetail[];
  users?: User[];
  initiatives?: InitiativeDetail[];
  planItems?: PlanItemDetail[];
  audit?: AuditListEntry[];
}

/**
 * A named set of data behind msw, with a store per resource to shape answers (`listFor`,
 * `respondOnce`, `staleOnce`) and to read what the screens sent (`received`, `queries`), and the
 * generic handlers over them. `use()` puts the handlers in front of the test's msw server.
 *
 *   const data = scenario({ actors: [namsos], account: countyAdminAccount() }).use();
 *   data.actors.staleOnce('PATCH');
 */
/** The stores of a scenario, one per resource, and its handlers. */
export interface Scenario {
  auth: AuthStore;
  actors: ActorStore;
  services: ServiceStore;
  contacts: ContactStore;
  agreements: AgreementStore;
  activities: ActivityStore;
  users: UserStore;
  initiatives: InitiativeStore;
  planItems: PlanItemStore;
  audit: AuditStore;
  handlers: RequestHandler[];
  /** Puts the handlers in front of the test's msw server. */
  use(): Scenario;
}

export function scenario(data: ScenarioData = {}): Scenario {
  const account = data.account === undefined ? countyAdminAccount() : data.account;
  const stores = {
    auth: new AuthStore(account ? [account] : [], { loggedInAs: account?.email }),
    actors: new ActorStore(data.actors),
    services: new ServiceStore(data.services),
    contacts: new ContactStore(data.contacts),
    agreements: new AgreementStore(data.agreements, { actors: data.actors }),
    activities: new ActivityStore(data.activities, data.actors),
    users: new UserStore(data.users),
    initiatives: new InitiativeStore(data.initiatives),
    planItems: new PlanItemStore(data.planItems),
    audit: new AuditStore(data.audit),
  };
  const handlers: RequestHandler[] = [
    ...authHandlers(stores.auth),
    ...referenceHandlers(),
    ...actorHandlers(stores.actors),
    ...serviceHandlers(stores.services),
    ...contactHandlers(stores.contacts),
    ...agreementHandlers(stores.agreements),
    ...activityHandlers(stores.activities),
    ...userHandlers(stores.users),
    ...initiativeHandlers(stores.initiatives),
    ...planItemHandlers(stores.planItems),
    ...auditHandlers(stores.audit),
  ];
  return {
    ...stores,
    handlers,
    use() {
      mswServer.use(...handlers);
      return this;
    },
  };
}


/** The Namdal study centre's coordinator, with the demo password. */
export const namdalCoordinatorAccount = (): TestAccount => ({
  email: 'namdal@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')] }),
});

/** Named scenarios to start from; a test adds its own records with `scenario({ ... })`. */
export const scenarios: Record<'loggedOut' | 'empty' | 'countyAdmin' | 'namdalCentre', () => Scenario> = {
  /** Nobody logged in, nothing registered. */
  loggedOut: () => scenario({ account: null }),
  /** The county admin, and nothing registered yet. */
  empty: () => scenario(),
  /** The county admin, with the test organisations in the register. */
  countyAdmin: () => scenario({ actors: Object.values(testOrganisations) }),
  /** The Namdal coordinator, with the test organisations in the register. */
  namdalCentre: () => scenario({ account: namdalCoordinatorAccount(), actors: Object.values(testOrganisations) }),
};
