import { screen, waitFor } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

/**
 * Picks `option` in a searchable picker (SearchablePicker, Designsystemet's Suggestion) as a user
 * does: types the start of its name into the picker's combobox and clicks it in the narrowed list.
 * The list is a popover that happy-dom does not lay out, so options are found among hidden ones.
 */
export async function pickOption(user: UserEvent, combobox: HTMLElement, option: string | RegExp) {
  await user.click(combobox);
  await user.clear(combobox);
  const listId = combobox.getAttribute('aria-controls');
  const choice = await waitFor(() => {
    const found = screen.getAllByRole('option', { name: option, hidden: true }).find((candidate) => !listId || candidate.closest(`[id="${listId}"]`));
    if (!found) throw new Error(`No option ${String(option)} in the picker`);
    return found;
  });
  await user.type(combobox, (choice.getAttribute('label') ?? '').slice(0, 3));
  await user.click(choice);
}
