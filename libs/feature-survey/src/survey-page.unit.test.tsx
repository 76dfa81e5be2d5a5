import { ActorStore, actorHandlers, AuthStore, authHandlers, buildMailOut, buildSurveyDetail, buildMe, buildMembership, countyAdminAccount, mswServer, renderRoute, testOrganisations, SurveyStore, surveyHandlers, referenceHandlers, testRegions } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { addDays, todayInNorway } from '@kompetansebro/domain';
import { describe, expect, it } from 'vitest';
import { createSurveyRoutes } from './survey-routes';

function renderSurvey(store = new SurveyStore([buildSurveyDetail()]), account = countyAdminAccount()) {
  mswServer.use(...surveyHandlers(store));
  mswServer.use(...authHandlers(new AuthStore([account], { loggedInAs: account.email })));
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

  it('queues reminders, says to how many, shows the mail-out’s progress, and closes the survey after asking', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    campaign.reminded = { total: 2, withoutAddress: 0 };
    const { user, store } = renderSurvey(campaign);
    await user.click(await screen.findByRole('button', { name: 'Send påminnelse' }));
    expect(await screen.findByText('Påminnelse til 2 bibliotek er lagt i kø. Framdriften ser du under «Utsendinger».')).toBeTruthy();
    expect(store.reminders).toHaveLength(1);
    const mailOuts = screen.getByRole('region', { name: 'Utsendinger' });
    expect((await within(mailOuts).findByRole('row', { name: /Påminnelse/ })).textContent).toContain('I kø 0 av 2 sendt.');

    await user.click(screen.getByRole('button', { name: 'Avslutt undersøkelsen' }));
    const dialog = await screen.findByRole('dialog', { name: 'Avslutte undersøkelsen?' });
    await user.click(within(dialog).getByRole('button', { name: 'Avslutt undersøkelsen' }));
    expect(await screen.findByText(/Lenkene virker ikke lenger/)).toBeTruthy();
    expect(store.surveys[0]?.status).toBe('closed');
    expect(screen.queryByRole('button', { name: 'Send påminnelse' })).toBeNull();
  });

  it('says plainly when a reminder could not reach everyone, without the success colour', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    campaign.reminded = { total: 1, withoutAddress: 2 };
    const { user } = renderSurvey(campaign);
    await user.click(await screen.findByRole('button', { name: 'Send påminnelse' }));
    const message = await screen.findByText(/Påminnelse til 1 bibliotek er lagt i kø\./);
    expect(message.closest('.ds-alert')?.getAttribute('data-color')).toBe('warning');
    expect(message.textContent).toContain('2 bibliotek uten e-postadresse fikk ingen påminnelse.');
  });

  it('shows a mail-out that failed with its reason, and tries it again', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    const surveyId = campaign.surveys[0]?.id ?? '';
    campaign.mailOuts = [
      buildMailOut({ surveyId, kind: 'reminder', status: 'sending', total: 2, sent: 1, createdAt: '2026-12-03T10:00:00.000Z' }),
      buildMailOut({ surveyId, status: 'failed', total: 3, sent: 2, failed: 1, error: '1 of 3 mails could not be sent: 550 mailbox unavailable', createdAt: '2026-12-01T09:00:00.000Z' }),
    ];
    const { user, store } = renderSurvey(campaign);
    const mailOuts = await screen.findByRole('region', { name: 'Utsendinger' });
    const sending = await within(mailOuts).findByRole('row', { name: /Påminnelse/ });
    expect(sending.textContent).toContain('Sender 1 av 2 sendt.');
    expect(within(sending).queryByRole('button')).toBeNull();
    const failed = within(mailOuts).getByRole('row', { name: /Invitasjon/ });
    expect(failed.textContent).toContain('Feilet 2 av 3 sendt.');
    expect(failed.textContent).toContain('Årsak: 1 of 3 mails could not be sent: 550 mailbox unavailable');
    await user.click(within(failed).getByRole('button', { name: 'Prøv igjen: Invitasjon 01.12.2026 10:00' }));
    expect(await within(mailOuts).findByText('I kø')).toBeTruthy();
    expect(store.retries).toEqual([campaign.mailOuts[1]?.id]);
  });

  it('offers no retry to a role that may only read the survey', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    campaign.mailOuts = [buildMailOut({ surveyId: campaign.surveys[0]?.id ?? '', status: 'failed', sent: 2, failed: 1, error: 'Could not be queued' })];
    renderSurvey(campaign, { email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) });
    const failed = await within(await screen.findByRole('region', { name: 'Utsendinger' })).findByRole('row', { name: /Invitasjon/ });
    expect(failed.textContent).toContain('Årsak: Could not be queued');
    expect(within(failed).queryByRole('button')).toBeNull();
  });

  it('offers a county viewer no reminder, no letters and no closing', async () => {
    const campaign = new SurveyStore([buildSurveyDetail()]);
    renderSurvey(campaign, { email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Tjenester 2027' })).toBeTruthy();
    expect(screen.getByTestId('survey-rate').textContent).toBe('1 av 3 bibliotek har svart (33 %).');
    expect(screen.queryByRole('button', { name: 'Send påminnelse' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Avslutt undersøkelsen' })).toBeNull();
    expect(screen.queryByRole('button', { name: /brev/i })).toBeNull();
  });

  it('says in the user’s language why a refused reminder failed, and moves the focus there', async () => {
    const { user } = renderSurvey();
    mswServer.use(
      http.post('*/api/surveys/:id/remind', () =>
        HttpResponse.json({ type: 'about:blank', title: 'Forbidden', status: 403, detail: 'The role county_viewer may not update survey' }, { status: 403, headers: { 'Content-Type': 'application/problem+json' } }),
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Send påminnelse' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Rollen din gir ikke lov til å gjøre dette.');
    expect(alert.textContent).not.toContain('county_viewer');
    await waitFor(() => expect(alert.parentElement?.contains(document.activeElement) || alert.parentElement === document.activeElement).toBe(true));
  });
});

describe('the list of survey campaigns', () => {
  const viewer = () => ({ email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) });
  const renderList = (account = countyAdminAccount()) => {
    mswServer.use(...surveyHandlers(new SurveyStore([buildSurveyDetail()])));
    mswServer.use(...authHandlers(new AuthStore([account], { loggedInAs: account.email })));
    return renderRoute({ path: '/undersokelser', createRoutes: (root) => [createSurveyRoutes(root)] });
  };

  it('offers the county admin to start a survey', async () => {
    renderList();
    expect(await screen.findByRole('link', { name: 'Start en undersøkelse' })).toBeTruthy();
  });

  it('offers a county viewer the surveys but no way to start one', async () => {
    renderList(viewer());
    expect(await screen.findByRole('heading', { level: 1, name: 'Undersøkelser' })).toBeTruthy();
    expect(await screen.findByRole('table')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Start en undersøkelse' })).toBeNull();
  });
});

describe('starting a survey', () => {
  /** The form, with what the API would mail (`recipients`) and a record of the starts it was sent. */
  const renderStart = (recipients: Array<{ actorId: string; actorName: string; email: string | null }>) => {
    const started: unknown[] = [];
    mswServer.use(...actorHandlers(new ActorStore()), ...referenceHandlers(), ...surveyHandlers(new SurveyStore([])));
    mswServer.use(...authHandlers(new AuthStore([countyAdminAccount()], { loggedInAs: 'fylke@demo.kompetansebro.no' })));
    mswServer.use(
      http.post('*/api/surveys/recipients', () => HttpResponse.json(recipients)),
      http.post('*/api/surveys', async ({ request }) => {
        started.push(await request.json());
        return HttpResponse.json({ message: 'stop here' }, { status: 500 });
      }),
    );
    const view = renderRoute({ path: '/undersokelser/ny', createRoutes: (root) => [createSurveyRoutes(root)] });
    return { ...view, started };
  };
  const fill = async (user: ReturnType<typeof renderStart>['user'], deadline: string) => {
    await user.type(await screen.findByRole('textbox', { name: /^Navn/ }), 'Tjenester 2027');
    await user.type(screen.getByLabelText(/^Svarfrist/), deadline);
    await user.click(await screen.findByRole('checkbox', { name: testRegions.fosen.name }));
    await user.click(screen.getByRole('button', { name: 'Start og send e-post' }));
  };

  it('refuses a deadline more than a year ahead beside the field, and sends nothing', async () => {
    const { user, started } = renderStart([]);
    await fill(user, '2199-12-31');
    expect(await screen.findByRole('link', { name: /Fristen kan være høyst ett år fram i tid/ })).toBeTruthy();
    expect(started).toEqual([]);
  });

  it('asks first when some libraries get no e-mail, saying how many, and starts only when told to', async () => {
    const { user, started } = renderStart([
      { actorId: testOrganisations.namsosLibrary.id, actorName: 'Namsos bibliotek', email: null },
      { actorId: testOrganisations.namdal.id, actorName: 'Grong bibliotek', email: null },
    ]);
    await fill(user, addDays(todayInNorway(), 30));
    const dialog = await screen.findByRole('dialog', { name: 'Starte undersøkelsen uten e-post til alle?' });
    expect(dialog.textContent).toContain('Bare 0 av 2 bibliotek får e-post. 2 bibliotek har ingen e-postadresse og får ikke lenken før');
    expect(started).toEqual([]);
    await user.click(within(dialog).getByRole('button', { name: 'Start likevel' }));
    await waitFor(() => expect(started).toHaveLength(1));
  });

  const viewer = { email: 'fylke-innsyn@demo.kompetansebro.no', password: 'kompetansebro', me: buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] }) };
  const renderCreate = (account: ReturnType<typeof countyAdminAccount>) => {
    mswServer.use(...surveyHandlers(new SurveyStore([])));
    mswServer.use(...authHandlers(new AuthStore([account], { loggedInAs: account.email })));
    return renderRoute({ path: '/undersokelser/ny', createRoutes: (root) => [createSurveyRoutes(root)] });
  };

  it('shows a county viewer who opens the address no form to fill in in vain', async () => {
    renderCreate(viewer);
    expect(await screen.findByText(/Du har ikke tilgang til dette/, {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: /^Navn/ })).toBeNull();
  });

  it('shows the county admin the form', async () => {
    renderCreate(countyAdminAccount());
    expect(await screen.findByRole('textbox', { name: /^Navn/ }, { timeout: 5000 })).toBeTruthy();
  });

  it('names a name too long and no library chosen in the same round', async () => {
    const { user } = renderCreate(countyAdminAccount());
    const name = await screen.findByRole('textbox', { name: /^Navn/ }, { timeout: 5000 });
    await user.click(name);
    await user.paste('x'.repeat(5000));
    await user.click(screen.getByRole('button', { name: 'Start og send e-post' }));
    expect(await screen.findByRole('link', { name: /^Navn på undersøkelsen: .*200/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /Velg minst/ })).toBeTruthy();
  });
});
