import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { FinderWidgetCard } from './finder-widget-card';

const LIBRARY = '0b7a3c9e-1d2f-4a5b-8c6d-7e8f9a0b1c2d';

describe('FinderWidgetCard', () => {
  it('shows the code to paste and the public page, and copies the code', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<FinderWidgetCard libraryId={LIBRARY} origin="https://kompetansebro.example.no" />);
    expect(screen.getByRole('heading', { level: 2, name: 'Vis dette på nettsiden deres' }).tagName).toBe('H2');
    const code = `<script src="https://kompetansebro.example.no/finn/widget.js" data-library="${LIBRARY}" async></script>`;
    expect((screen.getByLabelText('Kode å lime inn') as HTMLTextAreaElement).value).toBe(code);
    expect(screen.getByRole('link', { name: 'Se bibliotekets offentlige side' }).getAttribute('href')).toBe(`https://kompetansebro.example.no/finn/bibliotek/${LIBRARY}`);
    await user.click(screen.getByRole('button', { name: 'Kopier koden' }));
    expect(writeText).toHaveBeenCalledWith(code);
    expect(screen.getByRole('status').textContent).toBe('Koden er kopiert.');
  });

  it('puts the language chosen for the website into the code and the public page, bokmål unless chosen', async () => {
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue();
    render(<FinderWidgetCard libraryId={LIBRARY} origin="https://kompetansebro.example.no" />);
    const language = screen.getByRole('combobox', { name: 'Språk på nettsiden' }) as HTMLSelectElement;
    expect(language.value).toBe('nb');
    expect([...language.options].map((option) => option.textContent)).toEqual(['Bokmål', 'Nynorsk', 'English']);
    await user.selectOptions(language, 'nn');
    const code = `<script src="https://kompetansebro.example.no/finn/widget.js" data-library="${LIBRARY}" data-lang="nn" async></script>`;
    expect((screen.getByLabelText('Kode å lime inn') as HTMLTextAreaElement).value).toBe(code);
    expect(screen.getByRole('link', { name: 'Se bibliotekets offentlige side' }).getAttribute('href')).toBe(`https://kompetansebro.example.no/finn/bibliotek/${LIBRARY}?lang=nn`);
    await user.click(screen.getByRole('button', { name: 'Kopier koden' }));
    expect(writeText).toHaveBeenCalledWith(code);
    await user.selectOptions(language, 'en');
    expect((screen.getByLabelText('Kode å lime inn') as HTMLTextAreaElement).value).toContain('data-lang="en"');
    // A copy of the nynorsk code is not the English one.
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('says so when the browser will not copy', async () => {
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new Error('denied'));
    render(<FinderWidgetCard libraryId={LIBRARY} origin="https://kompetansebro.example.no" />);
    await user.click(screen.getByRole('button', { name: 'Kopier koden' }));
    expect(screen.getByRole('status').textContent).toBe('Kunne ikke kopiere. Merk koden og kopier den selv.');
  });
});
