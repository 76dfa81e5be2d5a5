import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SearchablePicker, startsAWord, usePickerSearch, type PickerOption } from './searchable-picker';

// These run the real Designsystemet Suggestion (u-combobox, u-datalist and the popover polyfill of
// @digdir/designsystemet-web) in happy-dom; the component setup mends the one thing that made it
// loop there (`document instanceof Document`). The same journeys run in Chromium in the actor form
// journey (tools/e2e).

const options: PickerOption[] = [
  { value: '5007', label: 'Namsos' },
  { value: '5001', label: 'Trondheim' },
  { value: '5006', label: 'Steinkjer' },
  { value: '5025', label: 'Røros' },
  { value: '5036', label: 'Frosta (Værnes)' },
];

function Single({ error }: { error?: string }) {
  const [value, setValue] = useState('');
  return (
    <>
      <SearchablePicker id="municipality" label="Kommune" options={options} value={value} onChange={setValue} error={error} />
      <output data-testid="value">{value}</output>
    </>
  );
}

function Multiple() {
  const [value, setValue] = useState<string[]>([]);
  return (
    <>
      <SearchablePicker multiple id="libraries" label="Kommuner" options={options} value={value} onChange={setValue} />
      <output data-testid="value">{value.join(',')}</output>
    </>
  );
}

/** A picker whose options a server finds (here: the first two matches of `options` for the search sent). */
function Searching() {
  const [value, setValue] = useState('');
  const search = usePickerSearch();
  const found = options.filter((option) => startsAWord(option.label, search.q));
  return (
    <>
      <SearchablePicker
        id="found"
        label="Kommune"
        description="Skriv navnet."
        search={search}
        matches={{ shown: Math.min(found.length, 2), total: found.length }}
        options={found.slice(0, 2)}
        value={value}
        onChange={setValue}
      />
      <output data-testid="value">{value}</output>
      <output data-testid="sent">{search.q}</output>
    </>
  );
}

const visible = () => screen.getAllByRole('option', { hidden: true }).filter((option) => !(option as HTMLOptionElement).disabled && !option.hasAttribute('data-empty'));

describe('SearchablePicker', () => {
  // happy-dom does no layout, so every element is 0 px high, and u-datalist moves with the arrow
  // keys only among options that have a height. Give options the height the style sheets give them
  // in a browser: none while hidden, disabled or aria-hidden (u-datalist's own rule), nor for the
  // "no match" option while another option shows (Designsystemet's rule), one line otherwise.
  const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
  const shown = (option: Element) => !option.hasAttribute('hidden') && !option.hasAttribute('disabled') && option.getAttribute('aria-hidden') !== 'true';
  beforeAll(() => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
      configurable: true,
      get(this: HTMLElement) {
        if (this.getAttribute('role') !== 'option') return clientHeight?.get?.call(this) ?? 0;
        const others = this.hasAttribute('data-empty') ? [...(this.parentElement?.children ?? [])].filter((option) => option !== this && shown(option)) : [];
        return shown(this) && others.length === 0 ? 24 : 0;
      },
    });
  });
  afterAll(() => {
    if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  });

  it('is labelled and shows the error beside it', () => {
    render(<Single error="Velg en kommune." />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toBe('municipality-error');
    expect(screen.getByText('Velg en kommune.').id).toBe('municipality-error');
  });

  it('narrows the list as the user types and takes the option chosen', async () => {
    const user = userEvent.setup();
    render(<Single />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    await user.type(input, 'trond');
    await waitFor(() => expect(visible().map((option) => option.textContent)).toEqual(['Trondheim']));
    await user.click(screen.getByRole('option', { name: 'Trondheim', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('5001'));
  });

  it('matches where a word starts, as names are looked up', async () => {
    const user = userEvent.setup();
    render(<Single />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    await user.type(input, 'st');
    await waitFor(() => expect(visible().map((option) => option.textContent)).toEqual(['Steinkjer']));
    await user.clear(input);
    await user.type(input, 'vær');
    await waitFor(() => expect(visible().map((option) => option.textContent)).toEqual(['Frosta (Værnes)']));
  });

  it('is operated with the keyboard: arrows and Enter choose, the clear button empties', async () => {
    const user = userEvent.setup();
    render(<Single />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    await user.click(input);
    await user.type(input, 'st');
    await user.keyboard('{ArrowDown}{Enter}');
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('5006'));
    await user.click(screen.getByRole('button', { name: 'Tøm valget', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe(''));
  });

  it('takes several choices in multiple mode', async () => {
    const user = userEvent.setup();
    render(<Multiple />);
    const input = screen.getByRole('combobox', { name: 'Kommuner' });
    await user.type(input, 'nam');
    await user.click(screen.getByRole('option', { name: 'Namsos', hidden: true }));
    // The field is emptied for the next search: typing on does not append to "nam".
    await waitFor(() => expect((input as HTMLInputElement).value).toBe(''));
    await user.type(input, 'rør');
    await user.click(screen.getByRole('option', { name: 'Røros', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('5007,5025'));
  });

  it('asks the server when it searches, shows its matches as they are and says when there are more', async () => {
    const user = userEvent.setup();
    render(<Searching />);
    const input = screen.getByRole('combobox', { name: 'Kommune' });
    // Before anything is typed: the server's first two of five, and the field says so.
    expect(visible().map((option) => option.textContent)).toEqual(['Namsos', 'Trondheim']);
    expect(screen.getByText('Viser 2 av 5 treff. Skriv mer av navnet for å finne de andre.', { exact: false }).textContent).toBe('Skriv navnet.Viser 2 av 5 treff. Skriv mer av navnet for å finne de andre.');
    await user.type(input, 'st');
    // Busy until the search is sent (once typing pauses) and answered; the picker does not narrow the answer itself.
    expect(input.getAttribute('aria-busy')).toBe('true');
    await waitFor(() => expect(screen.getByTestId('sent').textContent).toBe('st'));
    expect(input.getAttribute('aria-busy')).toBeNull();
    await waitFor(() => expect(visible().map((option) => option.textContent)).toEqual(['Steinkjer']));
    expect(screen.queryByText(/Viser \d+ av/)).toBeNull();
    await user.click(screen.getByRole('option', { name: 'Steinkjer', hidden: true }));
    await waitFor(() => expect(screen.getByTestId('value').textContent).toBe('5006'));
    // The field now shows the choice's name: that is not sent as a search; the list starts over.
    expect((input as HTMLInputElement).value).toBe('Steinkjer');
    await waitFor(() => expect(screen.getByTestId('sent').textContent).toBe(''));
    // The server's first answer is back (2 of 5), but beside a choice "Viser 2 av 5" would read as if it were in doubt.
    await waitFor(() => expect(visible().map((option) => option.textContent)).toEqual(expect.arrayContaining(['Namsos', 'Trondheim'])));
    expect(screen.queryByText(/Viser \d+ av/)).toBeNull();
    // The choice keeps its name when a new search no longer finds it.
    await user.clear(input);
    await user.type(input, 'rør');
    await waitFor(() => expect(screen.getByTestId('sent').textContent).toBe('rør'));
    await waitFor(() => expect(visible().map((option) => option.textContent)).toContain('Røros'));
    expect(screen.getByTestId('value').textContent).toBe('5006');
    expect(document.querySelector('data')?.textContent).toBe('Steinkjer');
  });

  it('names a choice the caller knows though the options do not hold it, and never shows an id', () => {
    const { unmount } = render(<SearchablePicker id="a" label="Aktør" search={{ q: '', typed: '', onSearch: () => undefined }} options={[]} known={[{ value: 'id-9', label: 'Verdal bibliotek' }]} value="id-9" onChange={() => undefined} />);
    expect(document.querySelector('data')?.textContent).toBe('Verdal bibliotek');
    unmount();
    render(<SearchablePicker id="b" label="Aktør" search={{ q: '', typed: '', onSearch: () => undefined }} options={[]} value="id-9" onChange={() => undefined} />);
    expect(document.querySelector('data')?.textContent).toBe('');
  });
});
