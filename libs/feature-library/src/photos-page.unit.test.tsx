import type { Photo } from '@kompetansebro/domain';
import { buildMe, buildMembership, mswServer, problemResponse, renderRoute, scenario, testOrganisations } from '@kompetansebro/testing';
import { screen } from '@testing-library/react';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createLibraryRoutes } from './library-routes';

const NAMSOS = testOrganisations.namsosLibrary;

const stored: Photo = {
  id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  actorId: NAMSOS.id,
  actorName: NAMSOS.name,
  altText: 'Inngangen til biblioteket',
  photographer: 'Ola Fotograf',
  rights: 'consent',
  rightsDetail: 'Samtykke fra de avbildede, 2025',
  mediebankUrl: null,
  published: false,
  width: 1280,
  height: 960,
  urls: { small: '/api/photos/x/images/small', large: '/api/photos/x/images/large' },
  version: 1,
  createdAt: '2026-12-01T10:00:00Z',
  updatedAt: '2026-12-01T10:00:00Z',
};

/** The photos screen for Namsos, logged in as its library editor; `answer` is what the API says to an upload. */
function renderPhotos(answer: () => Response) {
  const me = buildMe({ activeOrganisationId: NAMSOS.id, role: 'library_editor', memberships: [buildMembership(NAMSOS, 'library_editor')] });
  scenario({ account: { email: 'namsos@demo.kompetansebro.no', password: 'kompetansebro', me }, actors: [NAMSOS] }).use();
  const sent: FormData[] = [];
  mswServer.use(
    http.get('*/api/photos', () => HttpResponse.json({ items: [stored] })),
    http.post('*/api/photos', async ({ request }) => {
      sent.push(await request.formData());
      return answer();
    }),
  );
  const stub = (root: AnyRoute, path: string) => createRoute({ getParentRoute: () => root, path, component: () => null });
  const rendered = renderRoute({
    path: '/bilder',
    createRoutes: (root) => [
      createLibraryRoutes(root, { actorPath: '/tjenester/$id', agreementPath: '/avtaler/$id', agreementsPath: '/avtaler', activitiesPath: '/aktiviteter' }),
      stub(root, 'aktiviteter/$id'),
    ],
  });
  return { ...rendered, sent };
}

const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'inngang.png', { type: 'image/png' });

describe('PhotosPage', () => {
  it('lists the library’s photos with their alt text and uploads a new one as a form with the photo', { timeout: 20_000 }, async () => {
    const { user, sent } = renderPhotos(() => HttpResponse.json(stored, { status: 201 }));
    expect(await screen.findByRole('img', { name: 'Inngangen til biblioteket' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Publiser bildet «Inngangen til biblioteket»' })).toBeTruthy();

    await user.upload(screen.getByLabelText('Bilde'), png());
    await user.type(screen.getByLabelText('Alternativ tekst'), 'Inngangen til biblioteket');
    await user.type(screen.getByLabelText('Fotograf'), 'Kari Fotograf');
    await user.type(screen.getByLabelText('Lisens eller samtykke'), 'CC BY 4.0');
    await user.click(screen.getByRole('button', { name: 'Last opp bildet' }));
    await screen.findByText('Bildet er lastet opp.');
    expect(sent).toHaveLength(1);
    expect(sent[0]?.get('photographer')).toBe('Kari Fotograf');
    expect(sent[0]?.get('file')).toBeInstanceOf(File);
  });

  it('shows the API’s field error beside the alt text', { timeout: 20_000 }, async () => {
    const { user } = renderPhotos(() => problemResponse(400, [{ path: 'form.altText', code: 'too_small', message: 'Too small', params: { origin: 'string', minimum: 1 } }]));
    await screen.findByRole('img', { name: 'Inngangen til biblioteket' }, { timeout: 5000 });
    await user.upload(screen.getByLabelText('Bilde'), png());
    await user.type(screen.getByLabelText('Alternativ tekst'), 'A');
    await user.type(screen.getByLabelText('Fotograf'), 'Kari Fotograf');
    await user.type(screen.getByLabelText('Lisens eller samtykke'), 'CC BY 4.0');
    await user.click(screen.getByRole('button', { name: 'Last opp bildet' }));
    expect((await screen.findByLabelText('Alternativ tekst')).getAttribute('aria-invalid')).toBe('true');
    expect(await screen.findByRole('link', { name: /^Alternativ tekst: / })).toBeTruthy();
  });

  it('asks for the photo, alt text, photographer and licence in one go before sending anything', { timeout: 20_000 }, async () => {
    const { user, sent } = renderPhotos(() => HttpResponse.json(stored, { status: 201 }));
    await screen.findByRole('img', { name: 'Inngangen til biblioteket' }, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Last opp bildet' }));
    expect(await screen.findByText('Velg bildet som skal lastes opp.', { selector: 'p' })).toBeTruthy();
    for (const label of ['Alternativ tekst', 'Fotograf', 'Lisens eller samtykke']) {
      expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByRole('link', { name: new RegExp(`^${label}: `) })).toBeTruthy();
    }
    expect(sent).toHaveLength(0);
  });
});
