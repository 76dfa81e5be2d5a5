import { buildMe, buildMembership, mswServer, scenario, testOrganisations } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
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
