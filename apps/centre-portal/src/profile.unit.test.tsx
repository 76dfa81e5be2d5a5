import { OwnActorForm } from '@kompetansebro/feature-actors';
import { changeLanguage } from '@kompetansebro/i18n';
import { createPortalRoutes } from '@kompetansebro/feature-portal';
import { actorHandlers, ActorStore, buildActorDetail, mswServer, portalHandlers, PortalStore, referenceHandlers, renderRoute, testOrganisations } from '@kompetansebro/testing';
import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

/** The centre's profile as the app wires it: the portal's page with the actors feature's form of an organisation's own record. */
function renderProfile() {
  const centre = buildActorDetail({ ...testOrganisations.namdal, address: 'Havnegata 1, 7800 Namsos', email: 'post@namdal.example.no', description: 'Studiesenter i Namdalen.' });
  const actors = new ActorStore([centre]);
  mswServer.use(...portalHandlers(new PortalStore()), ...actorHandlers(actors), ...referenceHandlers());
  const view = renderRoute({
    path: '/profil',
    createRoutes: (root) => [createPortalRoutes(root, { agreementPath: '/avtaler/$id', agreementsPath: '/avtaler', activitiesPath: '/aktiviteter', profileForm: OwnActorForm })],
  });
  return { ...view, actors, centre };
}

const patches = (actors: ActorStore) => actors.received.filter((request) => request.method === 'PATCH');

describe('the study centre’s profile', () => {
  afterEach(async () => {
    await changeLanguage('nb');
  });

  it('says what the county changes as a study centre has it: no library number, and no one it belongs to, in every language', async () => {
    renderProfile();
    await screen.findByRole('textbox', { name: /^Beskrivelse/ }, { timeout: 5000 });
    const intros = {
      nb: 'Adressen og kontaktinformasjonen vises i studentsøket. Navn, type, organisasjonsnummer og kommune endrer fylkeskommunen – ta kontakt med dem om noe der er feil.',
      nn: 'Adressa og kontaktinformasjonen blir viste i studentsøket. Namn, type, organisasjonsnummer og kommune endrar fylkeskommunen – ta kontakt med dei om noko der er feil.',
      en: 'The address and contact details are shown in the student finder. The county changes the name, type, organisation number and municipality – contact them if any of that is wrong.',
    } as const;
    for (const [language, intro] of Object.entries(intros) as [keyof typeof intros, string][]) {
      await changeLanguage(language);
      expect(await screen.findByText(intro)).toBeTruthy();
      expect(screen.queryByText(/bibliotek|library/i, { selector: 'p' })).toBeNull();
    }
  }, 20_000);

  it('keeps the address, contact details and description in the form a library keeps its own, and nothing of what the county decides', async () => {
    const { user, actors } = renderProfile();
    const description = await screen.findByRole('textbox', { name: /^Beskrivelse/ }, { timeout: 5000 });
    await waitFor(() => expect((description as HTMLTextAreaElement).value).toBe('Studiesenter i Namdalen.'));
    expect((screen.getByRole('textbox', { name: /^Adresse/ }) as HTMLInputElement).value).toBe('Havnegata 1, 7800 Namsos');
    for (const name of [/^Nettsted/, /^E-post/, /^Telefon/]) expect(screen.getByRole('textbox', { name })).toBeTruthy();
    // What the centre is and where it belongs are the county's: not offered.
    expect(screen.queryByRole('combobox', { name: /^Type aktør/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /^Navn/ })).toBeNull();
    expect(screen.queryByRole('textbox', { name: /^Organisasjonsnummer/ })).toBeNull();

    await user.clear(description);
    await user.type(description, 'Studiesenter for hele Namdalen, med lesesal i Namsos.');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByText('Endringene er lagret.')).toBeTruthy();
    expect(patches(actors).map((request) => [request.ifMatch, request.body])).toEqual([['"1"', { description: 'Studiesenter for hele Namdalen, med lesesal i Namsos.' }]]);

    // The next save goes with the version saved, and says nothing changed when nothing did.
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByText('Du har ikke endret noe.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /^Telefon/ }), '74 21 00 00');
    expect(screen.queryByText('Endringene er lagret.')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    await waitFor(() => expect(patches(actors)).toHaveLength(2));
    expect([patches(actors)[1]?.ifMatch, patches(actors)[1]?.body]).toEqual(['"2"', { phone: '74 21 00 00' }]);
  }, 20_000);

  it('names a bad e-mail address beside the field and in the summary, and sends nothing', async () => {
    const { user, actors } = renderProfile();
    const email = await screen.findByRole('textbox', { name: /^E-post/ }, { timeout: 5000 });
    await waitFor(() => expect((email as HTMLInputElement).value).toBe('post@namdal.example.no'));
    await user.clear(email);
    await user.type(email, 'ikke-en-adresse');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    const summary = (await screen.findByRole('heading', { name: 'For å gå videre må du rette opp dette:' })).closest('.ds-error-summary') as HTMLElement;
    expect(within(summary).getByRole('link', { name: /^E-post/ })).toBeTruthy();
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(patches(actors)).toEqual([]);
  }, 20_000);

  it('says when someone else saved first, and takes in their change while keeping what the user typed', async () => {
    const { user, actors, centre } = renderProfile();
    const email = await screen.findByRole('textbox', { name: /^E-post/ }, { timeout: 5000 });
    await waitFor(() => expect((email as HTMLInputElement).value).toBe('post@namdal.example.no'));
    actors.saveBySomeoneElse(centre.id, { phone: '+47 74 21 00 00' });
    actors.staleOnce('PATCH');
    await user.clear(email);
    await user.type(email, 'studie@namdal.example.no');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByRole('heading', { name: 'Noen andre har lagret først' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Hent den nyeste versjonen' }));
    await waitFor(() => expect((screen.getByRole('textbox', { name: /^Telefon/ }) as HTMLInputElement).value).toBe('+47 74 21 00 00'));
    expect((email as HTMLInputElement).value).toBe('studie@namdal.example.no');
    await user.click(screen.getByRole('button', { name: 'Lagre endringene' }));
    expect(await screen.findByText('Endringene er lagret.')).toBeTruthy();
    expect(patches(actors).at(-1)?.body).toEqual({ email: 'studie@namdal.example.no' });
  }, 20_000);
});
