import { buildSurveyForm, mswServer, renderRoute, SurveyFormStore, surveyFormHandlers } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSurveyAnswerRoute } from './survey-routes';

const TOKEN = 'a-token-from-the-e-mail-0123456789';

function renderAnswer(store = new SurveyFormStore(TOKEN), token = TOKEN) {
  mswServer.use(...surveyFormHandlers(store));
  const view = renderRoute({ path: `/svar?token=${token}`, createRoutes: (root) => [createSurveyAnswerRoute(root)] });
  return { ...view, store };
}

describe('the public survey answer form', () => {
  it('shows the library’s services pre-filled, and sends the corrected answer to a thank-you page', async () => {
    const { user, store } = renderAnswer();
    expect(await screen.findByText('Tjenester 2027 – svar for Namsos bibliotek')).toBeTruthy();
    const hours = screen.getByLabelText('Timer per uke') as HTMLInputElement;
    expect(hours.value).toBe('40');

    await user.clear(hours);
    await user.type(hours, '37,5');
    await user.type(screen.getByLabelText(/Ditt navn/), 'Kari Nordmann');
    await user.click(screen.getByRole('button', { name: 'Send inn svaret' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Takk for svaret!' })).toBeTruthy();
    expect(store.answers).toEqual([
      expect.objectContaining({
        answeredBy: 'Kari Nordmann',
        services: [expect.objectContaining({ weeklyHours: 37.5, offered: true, hours: 'staffed', version: 3 })],
      }),
    ]);
  });

  it('shows the hours a week of staffed hours read-only as the weekly timetable gives them, following a change to it', async () => {
    const form = buildSurveyForm();
    const services = form.services.map((service) => ({ ...service, type: 'staffed_hours' as const, weeklyHours: 20 }));
    const { user } = renderAnswer(new SurveyFormStore(TOKEN, { ...form, services }));
    const hours = (await screen.findByLabelText('Timer per uke')) as HTMLInputElement;
    // Monday to Friday 10–16: 30 hours, not the 20 stored.
    expect(hours.readOnly).toBe(true);
    expect(hours.value).toBe('30');
    expect(screen.getByText(/Følger den faste ukeplanen i åpningstidene/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Endre åpningstidene nedenfor' }).getAttribute('href')).toBe('#survey-answer-openingHours');
    const mondayTo = screen.getByLabelText('Mandag: Betjent til') as HTMLInputElement;
    await user.clear(mondayTo);
    await user.type(mondayTo, '18:00');
    await waitFor(() => expect(hours.value).toBe('32'));
  });

  it('speaks in the library’s name, and asks it to confirm or correct its opening hours with the editor’s week grid', async () => {
    const { user, store } = renderAnswer();
    expect(await screen.findByText('Tjenester 2027 – svar for Namsos bibliotek')).toBeTruthy();
    const mondayFrom = screen.getByLabelText('Mandag: Betjent fra') as HTMLInputElement;
    expect(mondayFrom.value).toBe('10:00');
    await user.clear(mondayFrom);
    await user.type(mondayFrom, '09:00');
    await user.type(screen.getByLabelText('Lørdag: Meråpent fra'), '08:00');
    await user.type(screen.getByLabelText('Lørdag: Meråpent til'), '20:00');
    await user.type(screen.getByLabelText(/Ditt navn/), 'Kari Nordmann');
    await user.click(screen.getByRole('button', { name: 'Send inn svaret' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Takk for svaret!' })).toBeTruthy();
    const sent = store.answers[0] as { openingHours: { version: number; weekly: unknown[] } };
    expect(sent.openingHours.version).toBe(2);
    expect(sent.openingHours.weekly).toContainEqual({ weekday: 'mo', kind: 'staffed', from: '09:00', to: '16:00' });
    expect(sent.openingHours.weekly).toContainEqual({ weekday: 'sa', kind: 'self_service', from: '08:00', to: '20:00' });
  });

  it('says beside the field and in a summary what is wrong, and sends nothing', async () => {
    const { user, store } = renderAnswer();
    const hours = (await screen.findByLabelText('Timer per uke')) as HTMLInputElement;
    await user.clear(hours);
    await user.type(hours, '500');
    await user.click(screen.getByRole('button', { name: 'Send inn svaret' }));

    expect(await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).toBeTruthy();
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByText(/Ditt navn/).length).toBeGreaterThan(1);
    expect(store.answers).toEqual([]);
  });

  it('finds the opening hours’ errors on the first submit too, beside their inputs, each once in the summary in the form’s order', async () => {
    const { user, store } = renderAnswer();
    const hours = (await screen.findByLabelText('Timer per uke')) as HTMLInputElement;
    await user.clear(hours);
    await user.type(hours, '500');
    const mondayTo = screen.getByLabelText('Mandag: Betjent til');
    await user.clear(mondayTo);
    await user.type(mondayTo, '09:00');
    const tuesdayFrom = screen.getByLabelText('Tirsdag: Betjent fra');
    await user.clear(tuesdayFrom);
    await user.type(tuesdayFrom, '25:00');
    // Half a period: from, but no to.
    await user.type(screen.getByLabelText('Lørdag: Meråpent fra'), '08:00');
    await user.click(screen.getByRole('button', { name: 'Send inn svaret' }));

    const summary = (await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).parentElement as HTMLElement;
    await waitFor(() => expect(document.activeElement).toBe(summary));
    const time = 'Skriv et klokkeslett mellom 00:00 og 24:00, som 10:00.';
    expect(within(summary).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Grupperom, Timer per uke: Verdien er for stor. Den kan være høyst 168.',
      'Mandag: Betjent til: Slutten må være etter starten.',
      `Tirsdag: Betjent fra: ${time}`,
      `Lørdag: Meråpent til: ${time}`,
      'Ditt navn: Fyll ut feltet.',
    ]);
    // Beside each input, in the words the library’s opening-hours page uses.
    expect(screen.getByLabelText('Mandag: Betjent til').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById('hours-weekly-mo-staffedTo-error')?.textContent).toBe('Slutten må være etter starten.');
    expect(document.getElementById('hours-weekly-tu-staffedFrom-error')?.textContent).toBe(time);
    expect(document.getElementById('hours-weekly-sa-selfServiceTo-error')?.textContent).toBe(time);
    expect(store.answers).toEqual([]);
  });

  it('says what is wrong with filled-in hours by the domain’s limits, never “fill in the field”', async () => {
    const { user, store } = renderAnswer();
    const hours = (await screen.findByLabelText('Timer per uke')) as HTMLInputElement;
    await user.type(screen.getByLabelText(/Ditt navn/), 'Kari');
    for (const [typed, text] of [
      ['500', 'Verdien er for stor. Den kan være høyst 168.'],
      ['-5', 'Verdien er for liten. Den må være minst 0.'],
      ['mange', 'Skriv timene som et tall med høyst én desimal, for eksempel 7,5.'],
    ] as const) {
      await user.clear(hours);
      await user.type(hours, typed);
      await user.click(screen.getByRole('button', { name: 'Send inn svaret' }));
      expect(await screen.findByText(text, { selector: '.ds-validation-message' })).toBeTruthy();
      expect(screen.queryByText('Fyll ut feltet.')).toBeNull();
    }
    expect(store.answers).toEqual([]);
  });

  it('keeps the input and says so when someone changed the services meanwhile (412)', async () => {
    const store = new SurveyFormStore(TOKEN);
    store.nextAnswer = 412;
    const { user } = renderAnswer(store);
    await user.type(await screen.findByLabelText(/Ditt navn/), 'Kari Nordmann');
    await user.click(screen.getByRole('button', { name: 'Send inn svaret' }));
    expect(await screen.findByText(/Noen har endret tjenestene etter at du åpnet skjemaet/)).toBeTruthy();
    expect((screen.getByLabelText(/Ditt navn/) as HTMLInputElement).value).toBe('Kari Nordmann');
  });

  it('says a closed survey is closed, and an unknown link is not valid', async () => {
    const closed = new SurveyFormStore(TOKEN);
    closed.status = 410;
    const { unmount } = renderAnswer(closed);
    expect(await screen.findByRole('heading', { level: 1, name: 'Undersøkelsen er stengt' })).toBeTruthy();
    unmount();
    renderAnswer(new SurveyFormStore(TOKEN), 'another-token-that-is-not-known-000');
    await waitFor(() => expect(screen.getByRole('heading', { level: 1, name: 'Lenken virker ikke' })).toBeTruthy());
  });

  it('says in plain words that a cut-short link is not whole, and how to open it', async () => {
    renderAnswer(new SurveyFormStore(TOKEN), TOKEN.slice(0, 10));
    expect(await screen.findByRole('heading', { level: 1, name: 'Lenken virker ikke' })).toBeTruthy();
    expect(screen.getByText(/Lenken er ikke hel/)).toBeTruthy();
    expect(screen.queryByText(/code|token/i)).toBeNull();
  });
});
