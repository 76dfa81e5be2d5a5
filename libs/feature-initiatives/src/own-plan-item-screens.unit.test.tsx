import {
  AuthStore,
  authHandlers,
  buildMe,
  buildMembership,
  buildOwnPlanItem,
  mswServer,
  ownPlanItemHandlers,
  OwnPlanItemStore,
  renderRoute,
  testOrganisations,
  type TestAccount,
} from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createOwnPlanItemRoutes } from './own-plan-item-routes';

// Plan items to their owners (issue 19): the organisation responsible for a plan item lists it,
// opens it, sets its status and writes its result — bad input beside the field, a stale save shown.

const namdal: TestAccount = {
  email: 'namdal@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(testOrganisations.namdal, 'study_centre_coordinator')] }),
};
const viewer: TestAccount = {
  email: 'fylke-innsyn@demo.kompetansebro.no',
  password: 'kompetansebro',
  me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }),
};

const agreement = buildOwnPlanItem({ title: 'Samarbeidsavtale med folkebibliotekene i Namdal', dueDate: '2020-12-31' });
const officePlaces = buildOwnPlanItem({ title: 'Kobling av kontor- og studieplass og folkebibliotek', dueDate: null, status: 'in_progress', resultText: 'Kartlegging startet.' });

function renderPlanItems(path: string, account = namdal) {
  const store = new OwnPlanItemStore([agreement, officePlaces]);
  mswServer.use(...ownPlanItemHandlers(store), ...authHandlers(new AuthStore([account], { loggedInAs: account.email })));
  const view = renderRoute({ path, createRoutes: (root) => [createOwnPlanItemRoutes(root, { path: 'planpunkter' })] });
  return { ...view, store };
}

/** The text of the elements an input's aria-describedby points to. */
function descriptionOf(input: HTMLElement): string {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
}

describe('OwnPlanItemListPage', () => {
  it('lists the own plan items with initiative, due date (overdue said in words) and status, each a link to its page', async () => {
    renderPlanItems('/planpunkter');
    const first = await screen.findByRole('row', { name: /Samarbeidsavtale med folkebibliotekene/ }, { timeout: 5000 });
    const table = screen.getByRole('table');
    expect(first.textContent).toContain('Regionale kompetanseaktører og folkebibliotekenes rolle');
    expect(first.textContent).toContain('31.12.2020 — forfalt');
    expect(first.textContent).toContain('Planlagt');
    expect(within(table).getByRole('row', { name: /Kobling av kontor/ }).textContent).toContain('Pågår');
    expect(within(first).getByRole('link').getAttribute('href')).toBe(`/planpunkter/${agreement.id}`);
  });

  it('filters by status through the URL', async () => {
    const { user, router, store } = renderPlanItems('/planpunkter');
    await screen.findByRole('table', {}, { timeout: 5000 });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'done');
    await waitFor(() => expect(store.queries.at(-1)?.get('status')).toBe('done'));
    expect(router.state.location.search).toEqual({ status: 'done' });
  });
});

describe('OwnPlanItemPage', () => {
  it('sets status and result with the version read, and confirms on the list', async () => {
    const { user, router, store } = renderPlanItems(`/planpunkter/${agreement.id}`);
    await screen.findByRole('heading', { level: 1, name: agreement.title }, { timeout: 5000 });
    expect(screen.getByText('Regionale kompetanseaktører og folkebibliotekenes rolle')).toBeTruthy();

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Status' }), 'in_progress');
    await user.type(screen.getByRole('textbox', { name: /^Resultat/ }), 'Utkast sendt til bibliotekene.');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/planpunkter'));
    expect(store.received.at(-1)).toMatchObject({ method: 'PATCH', body: { status: 'in_progress', resultText: 'Utkast sendt til bibliotekene.' }, ifMatch: '"1"' });
    expect(await screen.findByText(`Planpunktet «${agreement.title}» er lagret.`)).toBeTruthy();
  });

  it("shows the API's 400 beside the field it names, and keeps what was typed", async () => {
    const { user, store } = renderPlanItems(`/planpunkter/${agreement.id}`);
    const result = await screen.findByRole('textbox', { name: /^Resultat/ }, { timeout: 5000 });
    store.respondOnce('PATCH', 400, [{ path: 'resultText', code: 'too_big', message: 'Too long', params: { origin: 'string', maximum: 5000 } }]);
    await user.type(result, 'Et resultat');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' });
    expect(result.getAttribute('aria-invalid')).toBe('true');
    expect(descriptionOf(result)).toContain('Skriv høyst 5000 tegn.');
    expect((result as HTMLTextAreaElement).value).toBe('Et resultat');
  });

  it('says when someone else saved first (412), in view and with the focus, and merges their version in', async () => {
    const { user, store } = renderPlanItems(`/planpunkter/${agreement.id}`);
    const result = await screen.findByRole('textbox', { name: /^Resultat/ }, { timeout: 5000 });
    store.saveBySomeoneElse(agreement.id, { status: 'done', resultText: 'Deres resultat' });
    store.staleOnce('PATCH');
    await user.type(result, 'Mitt resultat');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));

    // The notice is at the top, the user at the save button below: the focus goes to it.
    const notice = (await screen.findByRole('heading', { name: 'Noen andre har lagret først' })).closest('[role="alert"]');
    await waitFor(() => expect(document.activeElement).toBe(notice));
    await user.click(screen.getByRole('button', { name: 'Hent den nyeste versjonen' }));
    const changes = await screen.findByRole('table');
    // The button is gone with the merge: the focus stays on the notice, not the page body.
    await waitFor(() => expect(document.activeElement).toBe(notice));
    // Only where the two differ: their status is taken in (the same on both sides), so not listed.
    expect(within(changes).getByRole('row', { name: /Resultat/ }).textContent).toContain('Deres resultat');
    expect(within(changes).queryByRole('row', { name: /Status/ })).toBeNull();
    expect(screen.getByText('Dette har de endret, og det står nå i skjemaet: Status.')).toBeTruthy();
    expect((screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement).value).toBe('done');
    expect((result as HTMLTextAreaElement).value).toBe('Mitt resultat');
  });

  it('shows a role that may only read the status and result, without a form', async () => {
    renderPlanItems(`/planpunkter/${officePlaces.id}`, viewer);
    await screen.findByRole('heading', { level: 1, name: officePlaces.title }, { timeout: 5000 });
    await screen.findByText('Kartlegging startet.');
    expect(screen.queryByRole('button', { name: 'Lagre endringene' })).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
  });
});
