import { buildLiaisonActivity, buildMe, buildMembership, LiaisonStore, liaisonHandlers, mswServer, renderRoute, scenario, testOrganisations } from '@kompetansebro/testing';
import { screen, within } from '@testing-library/react';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { createLibraryRoutes } from './library-routes';

const NAMSOS = testOrganisations.namsosLibrary;

function renderSignUps(store: LiaisonStore, role: 'library_editor' | 'county_viewer' = 'library_editor') {
  const me = buildMe({ activeOrganisationId: NAMSOS.id, role, memberships: [buildMembership(NAMSOS, role)] });
  scenario({ account: { email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me }, actors: [NAMSOS] }).use();
  store.me = me;
  mswServer.use(...liaisonHandlers(store));
  const stub = (root: AnyRoute, path: string) => createRoute({ getParentRoute: () => root, path, component: () => null });
  return renderRoute({
    path: '/pamelding',
    createRoutes: (root) => [
      createLibraryRoutes(root, { actorPath: '/tjenester/$id', agreementPath: '/avtaler/$id', agreementsPath: '/avtaler', activitiesPath: '/aktiviteter' }),
      stub(root, 'aktiviteter/$id'),
    ],
  });
}

describe('ActivitySignUpPage', () => {
  it('signs the library up for a coming webinar, cancels, and lists what it took part in', { timeout: 20_000 }, async () => {
    const coming = buildLiaisonActivity({
      title: 'Oppfølgingswebinar om fjernlån',
      participants: 2,
      startTime: '10:00',
      endTime: '11:30',
      place: 'Namsos bibliotek, møterom 2',
      onlineUrl: 'https://example.org/webinar',
    });
    const past = buildLiaisonActivity({ title: 'Erfaringsutveksling om fjernlån', startDate: '2026-02-03', participating: true, onlineUrl: 'https://example.org/old-webinar' });
    // Started long ago, ends long after today: still running, so still to be joined.
    const running = buildLiaisonActivity({ title: 'Nettkurs i kildebruk', startDate: '2020-01-06', endDate: '2099-12-31', participating: true, onlineUrl: 'https://example.org/course' });
    const store = new LiaisonStore({ activities: { upcoming: [coming], past: [past, running] } });
    const { user } = renderSignUps(store);

    expect(await screen.findByRole('link', { name: 'Erfaringsutveksling om fjernlån' }, { timeout: 5000 })).toBeTruthy();
    // When and where, the Norwegian way, and the link to join.
    expect(screen.getByText('02.02.2027 10:00')).toBeTruthy();
    expect(screen.getByText('11:30')).toBeTruthy();
    expect(screen.getByText('Sted: Namsos bibliotek, møterom 2 ·')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Bli med på nett: Oppfølgingswebinar om fjernlån' }).getAttribute('href')).toBe('https://example.org/webinar');
    // One that has taken place has nothing to join any more.
    expect(screen.queryByRole('link', { name: 'Bli med på nett: Erfaringsutveksling om fjernlån' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Bli med på nett: Nettkurs i kildebruk' }).getAttribute('href')).toBe('https://example.org/course');
    await user.click(await screen.findByRole('button', { name: 'Meld biblioteket på Oppfølgingswebinar om fjernlån' }));
    expect(await screen.findByText('Biblioteket er påmeldt Oppfølgingswebinar om fjernlån.')).toBeTruthy();
    expect(store.activities.upcoming[0]?.participating).toBe(true);

    // Cancelling asks first: "Avbryt" keeps the sign-up, "Meld av" cancels it.
    await user.click(await screen.findByRole('button', { name: 'Meld biblioteket av Oppfølgingswebinar om fjernlån' }));
    await user.click(await screen.findByRole('button', { name: 'Avbryt' }));
    expect(store.activities.upcoming[0]?.participating).toBe(true);
    await user.click(await screen.findByRole('button', { name: 'Meld biblioteket av Oppfølgingswebinar om fjernlån' }));
    expect(await screen.findByRole('heading', { name: 'Melde av Oppfølgingswebinar om fjernlån?' })).toBeTruthy();
    await user.click(await screen.findByRole('button', { name: 'Meld av' }));
    expect(await screen.findByText('Biblioteket er meldt av Oppfølgingswebinar om fjernlån.')).toBeTruthy();
    expect(store.activities.upcoming[0]?.participating).toBe(false);
  });

  it('signs up for a running course, but offers no cancelling of one under way', async () => {
    const attending = buildLiaisonActivity({ title: 'Nettkurs i kildebruk', startDate: '2020-01-06', endDate: '2099-12-31', participating: true });
    const open = buildLiaisonActivity({ title: 'Kurs i informasjonskompetanse', startDate: '2020-01-06', endDate: '2099-12-31', participating: false });
    const store = new LiaisonStore({ activities: { upcoming: [attending, open], past: [] } });
    renderSignUps(store);
    expect(await screen.findByRole('button', { name: 'Meld biblioteket på Kurs i informasjonskompetanse' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Påmeldt')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Meld biblioteket av Nettkurs i kildebruk' })).toBeNull();
  });

  it('offers no sign-up to a role that may not sign up', async () => {
    const store = new LiaisonStore({ activities: { upcoming: [buildLiaisonActivity({ title: 'Møte om studieplasser' })], past: [] } });
    renderSignUps(store, 'county_viewer');
    expect(await screen.findByRole('link', { name: 'Møte om studieplasser' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Meld biblioteket/ })).toBeNull();
  });

  it('shows the activities it took part in a page at a time, with a pager of their own', async () => {
    const past = Array.from({ length: 30 }, (_, i) => buildLiaisonActivity({ title: `Webinar nummer ${i + 1}`, startDate: '2025-01-06', participating: true }));
    const store = new LiaisonStore({ activities: { upcoming: [buildLiaisonActivity({ title: 'Møte om studieplasser' })], past } });
    const { user } = renderSignUps(store);
    expect(await screen.findByRole('link', { name: 'Webinar nummer 25' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Webinar nummer 26' })).toBeNull();
    // One coming activity: no pager for that list; the past list's pager is named after it.
    const pager = screen.getByRole('navigation', { name: 'Sidenavigering: Aktiviteter dere har vært med på' });
    expect(screen.getAllByRole('navigation', { name: /^Sidenavigering/ })).toHaveLength(1);
    expect(within(pager).getByText('1–25 av 30')).toBeTruthy();
    await user.click(within(pager).getByRole('button', { name: 'Neste side' }));
    expect(await screen.findByRole('link', { name: 'Webinar nummer 30' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Webinar nummer 1' })).toBeNull();
    expect(screen.getByRole('link', { name: 'Møte om studieplasser' })).toBeTruthy();
  });
});
