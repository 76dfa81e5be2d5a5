import { buildCatchmentRequest, buildMe, buildMembership, CatchmentReviewStore, catchmentReviewHandlers, mswServer, referenceHandlers, renderRoute, testOrganisations } from '@kompetansebro/testing';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createCatchmentReviewRoutes } from './catchment-review-routes';

const FOSEN = '00000000-0000-4000-8004-000000000099';

function renderReview(path = '/nedslagsfelt', store = new CatchmentReviewStore()) {
  mswServer.use(...catchmentReviewHandlers(store), ...referenceHandlers());
  const view = renderRoute({ path, createRoutes: (root) => [createCatchmentReviewRoutes(root, { path: 'nedslagsfelt' })] });
  return { ...view, store };
}

function namdalAsksForFlatanger() {
  return buildCatchmentRequest({ add: ['5049'], remove: ['5058'], reason: 'Studentene i Flatanger bruker oss.', createdAt: '2026-03-04T10:00:00.000Z' });
}

/** Namdal's pending request on the page, its approve or reject dialog open, with the note field. */
async function openDecision(button: 'Godkjenn' | 'Avslå', dialogName: string) {
  const store = new CatchmentReviewStore();
  store.requests = [namdalAsksForFlatanger()];
  const { user } = renderReview('/nedslagsfelt', store);
  await user.click(await screen.findByRole('button', { name: `${button} forespørselen fra Namdal studiesenter` }, { timeout: 5000 }));
  const dialog = await screen.findByRole('dialog', { name: dialogName });
  return { store, user, dialog, note: within(dialog).getByLabelText(/^Merknad til studiesenteret/) };
}

describe('CatchmentReviewPage', () => {
  it('lists the pending requests with the centre, the municipalities by name, the reason and the date; the status filter is in the URL', async () => {
    const [pending, rejected] = [
      namdalAsksForFlatanger(),
      buildCatchmentRequest({ studyCentreId: FOSEN, studyCentreName: 'Fosen studiesenter', add: ['5001'], status: 'rejected', decisionNote: 'Trondheim har eget tilbud.', decidedAt: '2026-03-05T10:00:00.000Z' }),
    ];
    const store = new CatchmentReviewStore([pending, rejected]).listFor({ status: 'pending' }, [pending]).listFor({ status: 'rejected' }, [rejected]);
    const { router, user } = renderReview('/nedslagsfelt', store);

    const card = (await screen.findByRole('heading', { level: 2, name: 'Namdal studiesenter' }, { timeout: 5000 })).closest('li') as HTMLElement;
    expect(within(card).getByText('Venter på behandling')).toBeTruthy();
    expect(within(card).getByText('Legg til: Flatanger')).toBeTruthy();
    expect(within(card).getByText('Ta ut: Åfjord')).toBeTruthy();
    expect(within(card).getByText('Begrunnelse: Studentene i Flatanger bruker oss.')).toBeTruthy();
    expect(within(card).getByText('Sendt 04.03.2026')).toBeTruthy();
    // Only pending ones by default.
    expect(screen.queryByText('Fosen studiesenter')).toBeNull();

    await user.selectOptions(screen.getByLabelText('Vis forespørsler'), 'rejected');
    await waitFor(() => expect(router.state.location.search).toEqual({ status: 'rejected' }));
    const fosen = (await screen.findByRole('heading', { level: 2, name: 'Fosen studiesenter' })).closest('li') as HTMLElement;
    expect(within(fosen).getByText('Avslått')).toBeTruthy();
    expect(within(fosen).getByText('Fylkets merknad: Trondheim har eget tilbud.')).toBeTruthy();
    expect(within(fosen).queryByRole('button', { name: /Godkjenn|Avslå/ })).toBeNull();
    expect(screen.queryByText('Namdal studiesenter')).toBeNull();
  });

  it('approves a request with a note after confirming: sends the version read, says it is done, and the request leaves the pending list', async () => {
    const store = new CatchmentReviewStore();
    const request = namdalAsksForFlatanger();
    store.requests = [request];
    const { user } = renderReview('/nedslagsfelt', store);

    await user.click(await screen.findByRole('button', { name: 'Godkjenn forespørselen fra Namdal studiesenter' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Godkjenne forespørselen fra Namdal studiesenter?' });
    expect(dialog.textContent).toContain('Legg til: Flatanger');
    // Nothing is sent before the user confirms.
    expect(store.received).toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/^Merknad til studiesenteret/), 'Velkommen, Flatanger.');
    await user.click(within(dialog).getByRole('button', { name: 'Godkjenn' }));

    await screen.findByText('Forespørselen fra Namdal studiesenter er godkjent, og nedslagsfeltet er endret.');
    expect(store.received).toEqual([{ path: `/api/catchment-requests/${request.id}/decision`, ifMatch: '"1"', body: { decision: 'approved', note: 'Velkommen, Flatanger.' } }]);
    await screen.findByText('Ingen forespørsler venter på behandling');
  });

  it('on a stale request (412) says so in the dialog, keeps the note, and the next try uses the fresh version', async () => {
    const store = new CatchmentReviewStore();
    const request = namdalAsksForFlatanger();
    store.requests = [request];
    store.changedBehind = { id: request.id, how: 'edited' };
    const { user } = renderReview('/nedslagsfelt', store);

    await user.click(await screen.findByRole('button', { name: 'Avslå forespørselen fra Namdal studiesenter' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog', { name: 'Avslå forespørselen fra Namdal studiesenter?' });
    await user.type(within(dialog).getByLabelText(/^Merknad til studiesenteret/), 'Ikke nå.');
    await user.click(within(dialog).getByRole('button', { name: 'Avslå' }));

    expect((await within(dialog).findByRole('alert')).textContent).toContain('Forespørselen er endret av noen andre siden du åpnet siden.');
    expect((within(dialog).getByLabelText(/^Merknad til studiesenteret/) as HTMLTextAreaElement).value).toBe('Ikke nå.');
    expect(store.received).toHaveLength(1);

    // The list is read again; the second try sends version 2 and succeeds.
    await waitFor(() => expect(store.listReads).toBe(2));
    await user.click(within(dialog).getByRole('button', { name: 'Avslå' }));
    await screen.findByText('Forespørselen fra Namdal studiesenter er avslått.');
    expect(store.received[1]).toMatchObject({ ifMatch: '"2"', body: { decision: 'rejected', note: 'Ikke nå.' } });
  });

  it('asks for a note before rejecting, beside the field, and sends nothing until there is one', async () => {
    const { store, user, dialog, note } = await openDecision('Avslå', 'Avslå forespørselen fra Namdal studiesenter?');
    await user.click(within(dialog).getByRole('button', { name: 'Avslå' }));
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('Skriv hvorfor forespørselen avslås, så studiesenteret får vite det.');
    expect(store.received).toEqual([]);

    await user.type(note, 'Flatanger hører til Fosen.');
    await user.click(within(dialog).getByRole('button', { name: 'Avslå' }));
    await screen.findByText('Forespørselen fra Namdal studiesenter er avslått.');
    expect(store.received[0]).toMatchObject({ body: { decision: 'rejected', note: 'Flatanger hører til Fosen.' } });
  });

  it('says what is wrong with a note that is not missing, in the approve dialog too, and stops at the length the API takes', async () => {
    const { store, user, dialog, note } = await openDecision('Godkjenn', 'Godkjenne forespørselen fra Namdal studiesenter?');
    expect(note.getAttribute('maxlength')).toBe('2000');
    // A pasted control character is no missing note.
    fireEvent.change(note, { target: { value: 'Velkommen\u0007' } });
    await user.click(within(dialog).getByRole('button', { name: 'Godkjenn' }));
    await waitFor(() => expect(note.getAttribute('aria-invalid')).toBe('true'));
    expect(dialog.textContent).toContain('Teksten inneholder et usynlig kontrolltegn. Fjern det, for eksempel ved å skrive teksten på nytt i stedet for å lime den inn.');
    expect(dialog.textContent).not.toContain('Skriv hvorfor forespørselen avslås');
    expect(store.received).toEqual([]);
  });

  it('on a request someone else has decided (409) says so and offers no second decision', async () => {
    const store = new CatchmentReviewStore();
    const request = namdalAsksForFlatanger();
    store.requests = [request];
    store.changedBehind = { id: request.id, how: 'decided' };
    const { user } = renderReview('/nedslagsfelt?status=all', store);

    await user.click(await screen.findByRole('button', { name: 'Godkjenn forespørselen fra Namdal studiesenter' }, { timeout: 5000 }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Godkjenn' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Forespørselen er allerede avgjort av noen andre.');
    await waitFor(() => expect(alert.textContent).toContain('Status nå: Godkjent.'));
    // Confirming again sends nothing: the request is no longer pending.
    await user.click(within(dialog).getByRole('button', { name: 'Godkjenn' }));
    expect(store.received).toHaveLength(1);
    await user.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Godkjenn forespørselen fra Namdal studiesenter' })).toBeNull());
  });

  it('shows an empty state, and an error that can be retried', async () => {
    const store = new CatchmentReviewStore();
    store.failing = true;
    const { user } = renderReview('/nedslagsfelt', store);
    await screen.findByText('Noe gikk galt', { exact: false }, { timeout: 5000 });
    store.failing = false;
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await screen.findByText('Ingen forespørsler venter på behandling');
  });

  it('lets a county viewer read but not decide', async () => {
    const store = new CatchmentReviewStore();
    store.me = buildMe({ memberships: [buildMembership(testOrganisations.county, 'county_viewer')] });
    store.requests = [namdalAsksForFlatanger()];
    renderReview('/nedslagsfelt', store);
    await screen.findByText('Legg til: Flatanger', undefined, { timeout: 5000 });
    expect(screen.queryByRole('button', { name: /Godkjenn|Avslå/ })).toBeNull();
  });
});
