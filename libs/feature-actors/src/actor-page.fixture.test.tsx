import {
  actorReference,
  buildActorDetail,
  buildMe,
  buildMembership,
  countyAdminAccount,
  mswServer,
  renderRoute,
  scenario,
  testOrganisations,
  type TestAccount,
} from '@kompetansebro/testing';
import type { ActivityDetail, AgreementDetail, ContactSummary, ServiceSummary } from '@kompetansebro/domain';
import { createRoute } from '@tanstack/react-router';
import type { RequestHandler } from 'msw';
import { createActorRoutes } from './actor-routes';

/** Namsos bibliotek with its branch, as the actor page's tests show it. */
export function namsosFamily() {
  const main = buildActorDetail({ name: 'Namsos bibliotek', kind: 'public_library', municipalityNumber: '5007' });
  const branch = buildActorDetail({ name: 'Namsos bibliotek, filial Otterøy', kind: 'library_branch', municipalityNumber: '5007', parentId: main.id, parentName: main.name });
  return { main: { ...main, children: [actorReference(branch)] }, branch };
}

export const countyViewer: TestAccount = {
  email: 'fylke-innsyn@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }),
};

interface Fixture {
  services?: ServiceSummary[];
  contacts?: ContactSummary[];
  agreements?: AgreementDetail[];
  activities?: ActivityDetail[];
  account?: TestAccount;
  /** The actor and its branch, when the test built its data around them. */
  family?: ReturnType<typeof namsosFamily>;
  overrides?: RequestHandler[];
  /** The app's opening-hours page (`/apningstider/$id`, as the library portal mounts it), stubbed. */
  openingHoursPath?: string;
  /** Records in the register that the API does not answer for this actor (its lists name only `activities` and `agreements`). */
  others?: { activities?: ActivityDetail[]; agreements?: AgreementDetail[] };
}

/** Renders the page of `main` (Namsos bibliotek) over msw stores the test can inspect and change. */
export function renderActorPage(fixture: Fixture = {}) {
  const { main, branch } = fixture.family ?? namsosFamily();
  const account = fixture.account ?? countyAdminAccount();
  const stores = scenario({
    account,
    actors: [main, branch],
    services: (fixture.services ?? []).map((service) => ({ ...service, actorId: main.id, actorName: main.name })),
    contacts: (fixture.contacts ?? []).map((contact) => ({ ...contact, actorId: main.id, actorName: main.name })),
    agreements: [...(fixture.agreements ?? []), ...(fixture.others?.agreements ?? [])],
    activities: [...(fixture.activities ?? []), ...(fixture.others?.activities ?? [])],
  });
  stores.agreements.listFor({ party: main.id }, fixture.agreements ?? []);
  stores.activities.listFor({ organiser: main.id }, []).listFor({ participant: main.id }, fixture.activities ?? []);
  stores.use();
  if (fixture.overrides?.length) mswServer.use(...fixture.overrides);
  const view = renderRoute({
    path: `/aktorer/${main.id}`,
    createRoutes: (root) => [
      createActorRoutes(root, {
        viewer: { canEdit: true },
        agreementPath: '/avtaler/$id',
        activityPath: '/aktiviteter/$id',
        historyPath: '/historikk/$entity/$id',
        ...(fixture.openingHoursPath ? { openingHoursPath: fixture.openingHoursPath } : {}),
      }),
      ...(fixture.openingHoursPath ? [createRoute({ getParentRoute: () => root, path: fixture.openingHoursPath, component: () => null })] : []),
    ],
  });
  return { ...view, stores, main, branch };
}
