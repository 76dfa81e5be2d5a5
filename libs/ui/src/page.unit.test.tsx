import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { noteNavigationStart, Page } from './page';

/** A header the user may work in while a page loads: a menu button and a search field. */
function Header() {
  return (
    <header>
      <button type="button">Register</button>
      <input aria-label="Søk" />
    </header>
  );
}

describe('Page and the focus', () => {
  it('leaves the first page alone, then puts the focus on each new page’s heading', () => {
    const { rerender } = render(
      <>
        <Header />
        <Page key="a" title="Oversikt" />
      </>,
    );
    expect(document.activeElement).toBe(document.body);

    screen.getByRole('button', { name: 'Register' }).focus();
    noteNavigationStart();
    rerender(
      <>
        <Header />
        <Page key="b" title="Aktører" />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 1, name: 'Aktører' }));
  });

  it('leaves the focus where the user moved it while the page loaded (a menu opened, a field typed in)', () => {
    const { rerender } = render(
      <>
        <Header />
        <Page key="a" title="Oversikt" />
      </>,
    );
    screen.getByRole('button', { name: 'Register' }).focus();
    noteNavigationStart();
    screen.getByLabelText('Søk').focus();
    rerender(
      <>
        <Header />
        <Page key="b" title="Aktører" />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Søk'));
  });
});
