import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A searchable picker's input (Designsystemet's Suggestion) by its label. Chromium calls it a
 * text box until it first gets focus, when the picker gives it the combobox role.
 */
export function pickerInput(page: Page, name: string | RegExp): Locator {
  return page.getByRole('combobox', { name }).or(page.getByRole('textbox', { name }));
}

/**
 * Picks `option` in a searchable picker with the keyboard, as a user does: types into it until the
 * list narrows, moves to the option with the arrow keys and presses Enter. `option` is the
 * option's whole name; `typed` what is typed to find it.
 */
export async function pickOption(page: Page, input: Locator, option: string, typed = option) {
  await input.click();
  await expect(input).toHaveAttribute('role', 'combobox');
  await input.fill('');
  await input.pressSequentially(typed);
  // A picker the server searches is busy until its answer to what was typed is in.
  await expect(input).not.toHaveAttribute('aria-busy', 'true');
  const list = page.locator(`[id="${await input.getAttribute('aria-controls')}"]`);
  const target = list.getByRole('option', { name: option, exact: true });
  await expect(target).toBeVisible();
  const targetId = await target.getAttribute('id');
  for (let step = 0; step < 20 && (await input.getAttribute('aria-activedescendant')) !== targetId; step += 1) await input.press('ArrowDown');
  await expect(input).toHaveAttribute('aria-activedescendant', targetId ?? '');
  await input.press('Enter');
}
