import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { logIn } from './login';

/** A browser of its own (own cookies), logged in as the county admin, on Namsos bibliotek's page. */
async function countyAdminOnNamsos(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await logIn(page);
  await page.goto('/fylke/aktorer?q=Namsos%20bibliotek');
  await page.getByRole('link', { name: 'Namsos bibliotek', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Namsos bibliotek' })).toBeVisible();
  return page;
}

test.describe('journey 4: a stale edit loses neither version', () => {
  test('two county admins edit the same service; the second is told, sees what changed, keeps the input and saves again', async ({ browser, baseURL }) => {
    const first = await countyAdminOnNamsos(browser, baseURL);
    const second = await countyAdminOnNamsos(browser, baseURL);
    await expectNoAxeViolations(first);

    // Both open the same service's form in place.
    for (const page of [first, second]) {
      await page.getByRole('button', { name: 'Rediger Lesesalsplasser' }).click();
      await expect(page.getByRole('form', { name: 'Rediger Lesesalsplasser' })).toBeVisible();
    }
    await expectNoAxeViolations(second);

    // The first saves a new capacity.
    const firstForm = first.getByRole('form', { name: 'Rediger Lesesalsplasser' });
    await firstForm.getByLabel('Kapasitet').fill('25');
    await firstForm.getByRole('button', { name: 'Lagre tjenesten' }).click();
    await expect(first.getByText('Endringene i tjenesten er lagret.')).toBeVisible();

    // The second, still on the version it opened, changes the same field and a note.
    const secondForm = second.getByRole('form', { name: 'Rediger Lesesalsplasser' });
    await secondForm.getByLabel('Kapasitet').fill('30');
    await secondForm.getByLabel('Merknad').fill('Lesesalen er stengt i eksamensperioden.');
    await secondForm.getByRole('button', { name: 'Lagre tjenesten' }).click();

    const conflict = secondForm.getByRole('alert');
    await expect(conflict.getByText('Noen andre har lagret først')).toBeVisible();
    // The notice is above the fields, the user at the save button below: it comes into view with the focus.
    await expect(conflict).toBeFocused();
    await expect(conflict).toBeInViewport();
    // What the other person saved, beside what the second typed.
    const capacityRow = conflict.getByRole('row', { name: /Kapasitet/ });
    await expect(capacityRow.getByRole('cell')).toHaveText(['25', '30']);
    await expect(secondForm.getByLabel('Kapasitet')).toHaveValue('30');
    await expect(secondForm.getByLabel('Merknad')).toHaveValue('Lesesalen er stengt i eksamensperioden.');
    await expectNoAxeViolations(second);

    // Nothing of the second's input was saved yet: the first's version stands.
    const services = async (page: Page) => {
      const actors = await (await page.request.get('/api/actors?q=Namsos%20bibliotek&kind=public_library')).json();
      const namsos = actors.items.find((actor: { name: string }) => actor.name === 'Namsos bibliotek');
      const list = await (await page.request.get(`/api/services?actor=${namsos.id}&type=study_places`)).json();
      return list.items[0];
    };
    expect((await services(second)).conditions.capacity).toBe(25);

    // Having seen the other version, the second saves its own over it.
    await secondForm.getByRole('button', { name: 'Lagre tjenesten' }).click();
    await expect(second.getByText('Endringene i tjenesten er lagret.')).toBeVisible();
    const saved = await services(second);
    expect(saved.conditions).toMatchObject({ capacity: 30, note: 'Lesesalen er stengt i eksamensperioden.' });
    await expectNoAxeViolations(second);

    await first.context().close();
    await second.context().close();
  });
});
