import { AuthStore, authHandlers, buildSurveyDetail, countyAdminAccount, mswServer, renderRoute, SurveyStore, surveyHandlers } from '@kompetansebro/testing';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createSurveyRoutes } from './survey-routes';

function renderSurvey(store = new SurveyStore([buildSurveyDetail()])) {
  mswServer.use(...surveyHandlers(store));
  mswServer.use(...authHandlers(new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' })));
  const survey = store.surveys[0];
  const view = renderRoute({ path: `/undersokelser/${survey?.id ?? ''}`, createRoutes: (root) => [createSurveyRoutes(root)] });
  return { ...view, store };
}

describe('a survey campaign’s page', () => {
  it('shows the response rate overall and per region as a table, and who has answered', async () => {
    renderSurvey();
    expect(await screen.findByRole('heading', { level: 1, name: 'Tjenester 2027' })).toBeTruthy();
    expect(screen.getByTestId('survey-rate').textContent).toBe('1 av 3 bibliotek har svart (33 %).');
    const regions = screen.getByRole('region', { name: 'Svar per region' });
    expect(within(regions).getByRole('row', { name: /Namdal/ }).textContent).toContain('1 av 2 (50 %)');
    expect(within(regions).getByRole('row', { name: /Innherred/ }).textContent).toContain('0 av 1 (0 %)');
    expect(screen.getByRole('row', { name: /Namsos bibliotek/ }).textContent).toContain('Kari Nordmann');
    expect(screen.getByRole('row', { name: /Grong bibliotek/ }).textContent).toContain('Ikke svart');
  });

  it('sends reminders and says to how many, and closes the survey after asking', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    campaign.reminded = { sent: 2, withoutAddress: 0 };
    const { user, store } = renderSurvey(campaign);
    await user.click(await screen.findByRole('button', { name: 'Send påminnelse' }));
    expect(await screen.findByText('Påminnelse sendt til 2 bibliotek.')).toBeTruthy();
    expect(store.reminders).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Avslutt undersøkelsen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avslutte undersøkelsen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avslutt undersøkelsen' }));
    expect(await screen.findByText(/Lenkene virker ikke lenger/)).toBeTruthy();
    expect(store.surveys[0]?.status).toBe('closed');
    expect(screen.queryByRole('button', { name: 'Send påminnelse' })).toBeNull();
  });

  it('says plainly when a reminder could not reach everyone, without the success colour', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    campaign.reminded = { sent: 1, withoutAddress: 2 };
    const { user } = renderSurvey(campaign);
    await user.click(await screen.findByRole('button', { name: 'Send påminnelse' }));
    const message = await screen.findByText(/Påminnelse sendt til 1 bibliotek\./);
    expect(message.closest('.ds-alert')?.getAttribute('data-color')).toBe('warning');
  });
});
