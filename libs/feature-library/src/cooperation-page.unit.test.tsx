import { buildMe, buildMembership, mswServer, renderRoute, scenario, testOrganisations } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCountyInboxRoute } from './library-routes';
import { renderLibraryRoute } from './render-library-route.test';

const NAMSOS = testOrganisations.namsosLibrary;

/** The library's channels for Namsos, logged in as its library editor, with no channels yet. */
function renderCooperation() {
  const me = buildMe({ activeOrganisationId: NAMSOS.id, role: 'library_editor', memberships: [buildMembership(NAMSOS, 'library_editor')] });
  scenario({ account: { email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me }, actors: [NAMSOS] }).use();
  const sent: unknown[] = [];
  mswServer.use(
    http.get('*/api/liaison/threads', () => HttpResponse.json({ items: [], total: 0, page: 1, pageSize: 20 })),
    http.get('*/api/liaison/universities', () => HttpResponse.json({ items: [{ id: testOrganisations.ntnuLibrary.id, name: 'NTNU Universitetsbiblioteket' }] })),
    http.post('*/api/liaison/notes', async ({ request }) => {
      sent.push(await request.json());
      return HttpResponse.json({}, { status: 201 });
    }),
  );
  renderLibraryRoute('/samarbeid');
  return sent;
}

/** The county console's inbox of channels, for the county admin or its read-only viewer, with no channels yet. */
function renderCountyInbox(role: 'county_admin' | 'county_viewer') {
  const me = buildMe({ memberships: [buildMembership(testOrganisations.countyLibrary, role)] });
  scenario({ account: { email: 'fylke@demo.kompetansebro.no', password: 'kompetansebro', me } }).use();
  mswServer.use(http.get('*/api/liaison/threads', () => HttpResponse.json({ items: [], total: 0, page: 1, pageSize: 10 })));
  renderRoute({ path: '/samarbeid', createRoutes: (root) => [createCountyInboxRoute(root, { path: 'samarbeid' })] });
}

describe('who sees the notes', () => {
  it('tells the library that the parties and the county see them, and where to answer', async () => {
    renderCooperation();
    expect(await screen.findByText(/Bare partene og fylket ser notatene\. Skriv et nytt notat her, eller svar under hver kanal\./, {}, { timeout: 5000 })).toBeTruthy();
  });

  it('tells the county admin the same, and to answer under each channel', async () => {
    renderCountyInbox('county_admin');
    expect(await screen.findByText(/Bare partene og fylket ser notatene\. Svar under hver kanal\./, {}, { timeout: 5000 })).toBeTruthy();
  });

  it('does not tell the read-only viewer to answer, as it has no answer box', async () => {
    renderCountyInbox('county_viewer');
    const intro = await screen.findByText(/Bare partene og fylket ser notatene\./, {}, { timeout: 5000 });
    expect(intro.textContent).not.toMatch(/Svar/);
  });
});

describe('CooperationPage', () => {
  it('names every missing field of a new note at once, in a summary that takes the focus, and sends nothing', async () => {
    const user = userEvent.setup();
    const sent = renderCooperation();
    await user.click(await screen.findByRole('button', { name: 'Send notatet' }, { timeout: 5000 }));
    const summary = (await screen.findByRole('link', { name: /Velg hvem notatet skal til\./ })).closest('.ds-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: /Skriv noe i notatet\./ })).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(sent).toEqual([]);
  });
});
