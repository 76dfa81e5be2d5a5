import {
  actorHandlers,
  ActorStore,
  agreementHandlers,
  AgreementStore,
  AuthStore,
  authHandlers,
  buildMe,
  buildMembership,
  mswServer,
  referenceHandlers,
  renderRoute,
  nextAgreementId,
  testOrganisations,
  type TestAccount,
} from '@kompetansebro/testing';
import type { PendingAcceptance } from '@kompetansebro/domain';
import { screenRoute } from '@kompetansebro/ui';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createAgreementRoutes } from './agreement-routes';
import { PendingAcceptances } from './pending-acceptances';

const namdal = testOrganisations.namdal;

const coordinator: TestAccount = {
  email: 'namdal@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(namdal, 'study_centre_coordinator')] }),
};

/** `count` tasks for Namdal, newest first; every third an amendment. */
const tasks = (count: number): PendingAcceptance[] =>
  Array.from({ length: count }, (_, index) => ({
    agreementId: nextAgreementId(),
    title: `Avtale ${index + 1}`,
    actorId: namdal.id,
    actorName: namdal.name,
    startDate: '2027-01-01',
    endDate: null,
    declined: index === 1,
    amendmentNumber: index % 3 === 2 ? 2 : null,
    version: 1,
  }));

const countyViewer: TestAccount = {
  email: 'fylke-innsyn@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }),
};

function renderHome(pending: PendingAcceptance[], path = '/', account = coordinator) {
  const store = new AgreementStore();
  store.pendingAcceptances = pending;
  mswServer.use(...agreementHandlers(store), ...actorHandlers(new ActorStore()), ...referenceHandlers(), ...authHandlers(new AuthStore([account], { loggedInAs: account.email })));
  const Home = () => <PendingAcceptances agreementPath="/avtaler/$id" tasksPath="/avtaler/oppgaver" />;
  return renderRoute({ path, createRoutes: (root) => [screenRoute(root, { path: '/', component: Home }), createAgreementRoutes(root, { path: 'avtaler' })] });
}

const section = () => screen.findByRole('region', { name: 'Avtaler som venter på svar fra dere' }, { timeout: 5000 });

describe('PendingAcceptances on a home page', () => {
  it('shows the newest five of many, how many there are, and a link to all of them', async () => {
    const { user, router } = renderHome(tasks(12));
    const tasksSection = await section();
    await within(tasksSection).findByRole('link', { name: 'Avtale 1' });
    expect(within(tasksSection).getAllByRole('listitem')).toHaveLength(5);
    expect(within(tasksSection).getByText('Viser 5 av 12')).toBeTruthy();
    await user.click(within(tasksSection).getByRole('link', { name: 'Se alle oppgavene (12)' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/avtaler/oppgaver'));
  });

  it('shows them all, without a count or a link, when they are few', async () => {
    renderHome(tasks(2));
    const tasksSection = await section();
    await within(tasksSection).findByRole('link', { name: 'Avtale 2' });
    expect(within(tasksSection).queryByText(/^Viser/)).toBeNull();
    expect(within(tasksSection).getByText('Dere har avslått denne; den er fortsatt til forhandling.')).toBeTruthy();
  });
});

describe('The list of every task', () => {
  it('pages through them, names what waits in each, and keeps the kind in the URL', async () => {
    const { user, router } = renderHome(tasks(30), '/avtaler/oppgaver');
    await screen.findByRole('heading', { level: 1, name: 'Avtaler som venter på svar' }, { timeout: 5000 });
    const rows = () => within(screen.getByRole('table')).getAllByRole('rowheader').map((cell) => cell.textContent);
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.getByText('1–25 av 30')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Avtale 2\b/ })).getByText('Avslått, kan ennå godtas')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Avtale 3\b/ })).getByText('Godta endring 2')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: /Neste/ }));
    await waitFor(() => expect(rows()).toEqual(['Avtale 26', 'Avtale 27', 'Avtale 28', 'Avtale 29', 'Avtale 30']));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Hva som venter' }), 'amendment');
    await waitFor(() => expect(router.state.location.search).toEqual({ kind: 'amendment' }));
    await waitFor(() => expect(rows()).toHaveLength(10));
  });

  it('says a role that answers no agreements (the county viewer) has no access, instead of a list that is always empty', async () => {
    renderHome(tasks(3), '/avtaler/oppgaver', countyViewer);
    await screen.findByRole('heading', { level: 1, name: 'Avtaler som venter på svar' }, { timeout: 5000 });
    expect(await screen.findByText(/^Du har ikke tilgang til dette\./)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
