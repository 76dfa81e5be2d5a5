import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ListSearchForm } from './list-search-form';

describe('a list’s search box', () => {
  it('sends the trimmed text, or nothing for an empty field, and follows the search the list shows', async () => {
    const onSearch = vi.fn();
    const user = userEvent.setup();
    const { rerender } = render(<ListSearchForm label="Søk i kanalene" q={undefined} onSearch={onSearch} />);
    const field = screen.getByRole('searchbox', { name: 'Søk i kanalene' });

    await user.type(field, '  Namsos ');
    await user.click(screen.getByRole('button', { name: 'Søk' }));
    expect(onSearch).toHaveBeenLastCalledWith('Namsos');

    await user.clear(field);
    await user.type(field, '   ');
    await user.keyboard('{Enter}');
    expect(onSearch).toHaveBeenLastCalledWith(undefined);

    // Back in the browser's history: the list shows another search, and the field says so.
    rerender(<ListSearchForm label="Søk i kanalene" q="Levanger" onSearch={onSearch} />);
    expect(field).toHaveProperty('value', 'Levanger');
  });
});
