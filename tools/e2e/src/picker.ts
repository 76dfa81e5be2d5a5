import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Picks `option` in a searchable picker (Designsystemet's Suggestion) with the keyboard, as a user
 * does: types into the combobox until the list narrows to it, moves to it with the arrow keys and
 * presses Enter. `option` is the option's whole name; `typed` what is typed to find it.
 */
export async function pickOption(page: Page, combobox: Locator, option: string, typed = option) {
  await combobox.click();
  await combobox.fill('');
  await combobox.pressSequentially(typed);
  const list = page.locator(`[id="${await combobox.getAttribute('aria-controls')}"]`);
  const target = list.getByRole('option', { name: option, exact: true });
  await expect(target).toBeVisible();
  const targetId = await target.getAttribute('id');
  for (let step = 0; step < 20 && (await combobox.getAttribute('aria-activedescendant')) !== targetId; step += 1) await combobox.press('ArrowDown');
  await expect(combobox).toHaveAttribute('aria-activedescendant', targetId ?? '');
  await combobox.press('Enter');
}
