import type { OpeningHours } from '@kompetansebro/domain';
import { buildMe, buildMembership, mswServer, problemResponse, scenario, testOrganisations } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { renderLibraryRoute } from './render-library-route.test';

const NAMSOS = testOrganisations.namsosLibrary;

/** Namsos with no hours stored yet (version 0), as the API answers before the first save. */
const emptyHours: OpeningHours = {
  id: NAMSOS.id,
  actorName: NAMSOS.name,
  weekly: [],
  seasons: [],
  exceptions: [],
  openOnPublicHolidays: false,
  osm: { openingHours: '', selfService: '' },
  now: { state: 'closed', nextOpening: null },
  // The API still gives the week, every day without periods.
  thisWeek: {
    days: (['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const).map((weekday, index) => ({ date: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'][index] ?? '', weekday, periods: [], reason: null })),
    staffedHours: 0,
    selfServiceHours: 0,
  },
  version: 0,
  createdAt: null,
  updatedAt: null,
};

/** The editor for Namsos, logged in as its library editor; `answer` is what the API says to the save. */
function renderEditor(answer: () => Response, stored: OpeningHours = emptyHours) {
  const me = buildMe({ activeOrganisationId: NAMSOS.id, role: 'library_editor', memberships: [buildMembership(NAMSOS, 'library_editor')] });
  scenario({ account: { email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me }, actors: [NAMSOS] }).use();
  const sent: unknown[] = [];
  mswServer.use(
    http.get('*/api/opening-hours/:id', () => HttpResponse.json(stored, { headers: { ETag: `"${stored.version}"` } })),
    http.patch('*/api/opening-hours/:id', async ({ request }) => {
      sent.push({ ifMatch: request.headers.get('if-match'), body: await request.json() });
      return answer();
    }),
  );
  renderLibraryRoute(`/apningstider/${NAMSOS.id}`);
  return sent;
}

describe('OpeningHoursPage', () => {
  it('with no hours entered says so, and shows no week of closed days', async () => {
    renderEditor(() => HttpResponse.json(emptyHours));
    expect(await screen.findByText('Åpningstidene er ikke lagt inn ennå.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Denne uka' })).toBeNull();
    expect(screen.queryByText('Stengt')).toBeNull();
  });

  it('says which days make this week differ from a normal one', async () => {
    const friday = { weekday: 'fr' as const, kind: 'staffed' as const, from: '10:00', to: '16:00' };
    const days = emptyHours.thisWeek.days.map((day) => (day.weekday === 'fr' ? { ...day, reason: 'Stengt for kurs' } : day));
    renderEditor(() => HttpResponse.json(emptyHours), { ...emptyHours, weekly: [friday], thisWeek: { ...emptyHours.thisWeek, days }, version: 2 });
    expect(await screen.findByText('Avviker fra en vanlig uke: fredag 04.12.2026 (Stengt for kurs). Timene i uka under tjenestene gjelder en vanlig uke.')).toBeTruthy();
  });

  it('with only a single day entered shows no week of closed days', async () => {
    const exceptions = [{ date: '2026-12-04', periods: [], note: 'Stengt for kurs' }];
    const days = emptyHours.thisWeek.days.map((day) => (day.weekday === 'fr' ? { ...day, reason: 'Stengt for kurs' } : day));
    renderEditor(() => HttpResponse.json(emptyHours), { ...emptyHours, exceptions, thisWeek: { ...emptyHours.thisWeek, days }, version: 1 });
    expect(await screen.findByText('Åpningstidene er ikke lagt inn ennå.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Denne uka' })).toBeNull();
    expect(screen.queryByText(/Avviker fra en vanlig uke/)).toBeNull();
  });

  it('does not count a holiday on a day that is closed anyway, nor list each day of a season over the whole week', async () => {
    const friday = { weekday: 'fr' as const, kind: 'staffed' as const, from: '10:00', to: '16:00' };
    const holidayOnClosedSunday = emptyHours.thisWeek.days.map((day) => (day.weekday === 'su' ? { ...day, reason: 'Andre søndag i advent' } : day.weekday === 'fr' ? { ...day, periods: [friday] } : day));
    renderEditor(() => HttpResponse.json(emptyHours), { ...emptyHours, weekly: [friday], thisWeek: { ...emptyHours.thisWeek, days: holidayOnClosedSunday }, version: 2 });
    expect(await screen.findByRole('table', { name: 'Denne uka' })).toBeTruthy();
    expect(screen.queryByText(/Avviker fra en vanlig uke/)).toBeNull();
    expect(screen.queryByText('Andre søndag i advent')).toBeNull();
  });

  it('says "Stengt" in both columns on a day without hours of that kind, never "–"', async () => {
    const weekly = [{ weekday: 'mo' as const, kind: 'staffed' as const, from: '10:00', to: '16:00' }, { weekday: 'tu' as const, kind: 'self_service' as const, from: '07:00', to: '22:00' }];
    const days = emptyHours.thisWeek.days.map((day) =>
      day.weekday === 'mo' ? { ...day, periods: [{ kind: 'staffed' as const, from: '10:00', to: '16:00' }] } : day.weekday === 'tu' ? { ...day, periods: [{ kind: 'self_service' as const, from: '07:00', to: '22:00' }] } : day,
    );
    renderEditor(() => HttpResponse.json(emptyHours), { ...emptyHours, weekly, thisWeek: { ...emptyHours.thisWeek, days }, version: 2 });
    const table = await screen.findByRole('table', { name: 'Denne uka' });
    const cells = (name: RegExp) => within(within(table).getByRole('row', { name }) as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Dag', 'Betjent', 'Meråpent']);
    expect(cells(/^Mandag/)).toEqual(['10:00–16:00', 'Stengt']);
    expect(cells(/^Tirsdag/)).toEqual(['Stengt', '07:00–22:00']);
    expect(cells(/^Onsdag/)).toEqual(['Stengt', 'Stengt']);
  });

  it('shows no self-service column for a library without self-service', async () => {
    const friday = { weekday: 'fr' as const, kind: 'staffed' as const, from: '10:00', to: '16:00' };
    const days = emptyHours.thisWeek.days.map((day) => (day.weekday === 'fr' ? { ...day, periods: [{ kind: 'staffed' as const, from: '10:00', to: '16:00' }] } : day));
    renderEditor(() => HttpResponse.json(emptyHours), { ...emptyHours, weekly: [friday], thisWeek: { ...emptyHours.thisWeek, days }, version: 2 });
    const table = await screen.findByRole('table', { name: 'Denne uka' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Dag', 'Betjent']);
    expect(within(within(table).getByRole('row', { name: /^Fredag/ }) as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['10:00–16:00']);
  });

  it('names a season over the whole week once', async () => {
    const friday = { weekday: 'fr' as const, kind: 'staffed' as const, from: '10:00', to: '16:00' };
    const seasons = [{ name: 'Juletid', from: '2026-11-23', to: '2026-12-13', weekly: [] }];
    const days = emptyHours.thisWeek.days.map((day) => ({ ...day, reason: 'Juletid' }));
    renderEditor(() => HttpResponse.json(emptyHours), { ...emptyHours, weekly: [friday], seasons, thisWeek: { ...emptyHours.thisWeek, days }, version: 2 });
    expect(await screen.findByText('Avviker fra en vanlig uke: Juletid (23.11.2026–13.12.2026). Timene i uka under tjenestene gjelder en vanlig uke.')).toBeTruthy();
  });

  it('finds every error of the hours on the first save, by the domain’s rules: beside its input, once in the summary in the form’s order, and sends nothing', async () => {
    const user = userEvent.setup();
    const sent = renderEditor(() => HttpResponse.json(emptyHours));
    await user.type(await screen.findByLabelText('Mandag: Betjent fra'), '16:00');
    await user.type(screen.getByLabelText('Mandag: Betjent til'), '10:00');
    // A time that is no time of day, and half a period: from, but no to.
    await user.type(screen.getByLabelText('Tirsdag: Betjent fra'), '25:00');
    // A season starts as a copy of the week (its errors too), here not yet named nor dated.
    await user.click(screen.getByRole('button', { name: 'Legg til sesong' }));
    await user.clear(await screen.findByRole('textbox', { name: /^Navn på sesongen/ }));
    await user.click(screen.getByRole('button', { name: 'Lagre åpningstidene' }));

    const summary = (await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).parentElement as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const time = 'Skriv et klokkeslett mellom 00:00 og 24:00, som 10:00.';
    const lines = within(summary).getAllByRole('link').map((link) => link.textContent ?? '');
    expect(lines).toHaveLength(9);
    expect(lines.slice(0, 3)).toEqual(['Mandag: Betjent til: Slutten må være etter starten.', `Tirsdag: Betjent fra: ${time}`, `Tirsdag: Betjent til: ${time}`]);
    expect(lines[3]).toMatch(/^Sesong 1 – Navn på sesongen: \S/);
    // A season's start and end are dates, not times of day.
    expect(lines.slice(4)).toEqual([
      'Sesong 1 – Fra og med: Velg en dato.',
      'Sesong 1 – Til og med: Velg en dato.',
      'Sesong 1 – Mandag: Betjent til: Slutten må være etter starten.',
      `Sesong 1 – Tirsdag: Betjent fra: ${time}`,
      `Sesong 1 – Tirsdag: Betjent til: ${time}`,
    ]);
    expect(document.getElementById('hours-weekly-mo-staffedTo')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('hours-weekly-mo-staffedTo-error')?.textContent).toBe('Slutten må være etter starten.');
    expect(document.getElementById('hours-weekly-tu-staffedFrom-error')?.textContent).toBe(time);
    expect(document.getElementById('hours-weekly-tu-staffedTo-error')?.textContent).toBe(time);
    expect(sent).toEqual([]);

    // Put right, the week goes to the API.
    await user.click(screen.getByRole('button', { name: /^Fjern / }));
    await user.clear(screen.getByLabelText('Mandag: Betjent fra'));
    await user.type(screen.getByLabelText('Mandag: Betjent fra'), '09:00');
    await user.clear(screen.getByLabelText('Tirsdag: Betjent fra'));
    await user.click(screen.getByRole('button', { name: 'Lagre åpningstidene' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeNull();
  });

  it('sends the week with If-Match "0" before the first save, and shows a field error the API still finds beside its input and in the summary', async () => {
    const user = userEvent.setup();
    const sent = renderEditor(() =>
      problemResponse(400, [{ path: 'weekly.0.to', code: 'end_before_start', message: 'The period ends before it starts' }]),
    );
    await user.type(await screen.findByLabelText('Mandag: Betjent fra'), '10:00');
    await user.type(screen.getByLabelText('Mandag: Betjent til'), '16:00');
    await user.click(screen.getByRole('button', { name: 'Lagre åpningstidene' }));

    await waitFor(() => expect(screen.getByLabelText('Mandag: Betjent til').getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('link', { name: 'Mandag: Betjent til: Slutten må være etter starten.' }).getAttribute('href')).toBe('#hours-weekly-mo-staffedTo');
    expect(screen.getByText('Slutten må være etter starten.', { selector: '.ds-validation-message' }).id).toBe('hours-weekly-mo-staffedTo-error');
    expect(sent).toEqual([
      { ifMatch: '"0"', body: { weekly: [{ weekday: 'mo', kind: 'staffed', from: '10:00', to: '16:00' }], seasons: [], exceptions: [], openOnPublicHolidays: false } },
    ]);
  });

  it('lists the API’s errors once a field, in the order of the form', async () => {
    const user = userEvent.setup();
    renderEditor(() =>
      problemResponse(400, [
        { path: 'weekly.1.from', code: 'invalid_format', message: 'Invalid time' },
        { path: 'weekly.1.weekday', code: 'invalid_value', message: 'Invalid weekday' },
        { path: 'weekly.0.to', code: 'end_before_start', message: 'The period ends before it starts' },
      ]),
    );
    await user.type(await screen.findByLabelText('Mandag: Betjent fra'), '10:00');
    await user.type(screen.getByLabelText('Mandag: Betjent til'), '16:00');
    await user.type(screen.getByLabelText('Tirsdag: Betjent fra'), '10:00');
    await user.type(screen.getByLabelText('Tirsdag: Betjent til'), '16:00');
    await user.click(screen.getByRole('button', { name: 'Lagre åpningstidene' }));

    const summary = (await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).parentElement as HTMLElement;
    expect(within(summary).getAllByRole('link').map((link) => link.textContent ?? '')).toEqual([
      'Mandag: Betjent til: Slutten må være etter starten.',
      'Tirsdag: Betjent fra: Skriv et klokkeslett mellom 00:00 og 24:00, som 10:00.',
    ]);
  });

  it('says in Norwegian where an OpenStreetMap text cannot be read, never the parser’s English', async () => {
    const user = userEvent.setup();
    renderEditor(() => HttpResponse.json(emptyHours));
    const message = 'Mo-Fr 25:00 <--- (Time range starts outside of the current day)';
    mswServer.use(http.put('*/api/opening-hours/:id/osm', () => problemResponse(400, [{ path: 'openingHours', code: 'invalid_opening_hours', message, params: { near: 'Mo-Fr 25:00' } }])));
    await user.type(await screen.findByLabelText('Betjent tid (opening_hours)'), 'Mo-Fr 25:00');
    await user.click(screen.getByRole('button', { name: 'Hent vanlig uke fra tekstene' }));
    expect(await screen.findByText(/^Teksten kan ikke leses som åpningstider\. Feilen er omtrent der «Mo-Fr 25:00» slutter\./)).toBeTruthy();
    expect(screen.queryByText(/Time range/)).toBeNull();
  });

  it('says someone else saved first on 412, keeping what was typed', async () => {
    const user = userEvent.setup();
    renderEditor(() => problemResponse(412));
    await user.type(await screen.findByLabelText('Tirsdag: Meråpent fra'), '07:00');
    await user.type(screen.getByLabelText('Tirsdag: Meråpent til'), '22:00');
    await user.click(screen.getByRole('button', { name: 'Lagre åpningstidene' }));
    expect((await screen.findByText('Noen andre har lagret først')).textContent).toBe('Noen andre har lagret først');
    expect((screen.getByLabelText('Tirsdag: Meråpent til') as HTMLInputElement).value).toBe('22:00');
  });

  it('keeps the keyboard in place: adding a season or single day goes to its first field, removing one to the add button', async () => {
    const user = userEvent.setup();
    renderEditor(() => problemResponse(412));
    await user.click(await screen.findByRole('button', { name: 'Legg til sesong' }));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Navn på sesongen' }));
    await user.click(screen.getByRole('button', { name: /^Fjern / }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Legg til sesong' }));

    await user.click(screen.getByRole('button', { name: 'Legg til enkeltdag' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/^Dato/));
    await user.click(screen.getByRole('button', { name: 'Fjern enkeltdag 1' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Legg til enkeltdag' }));
  });
});
