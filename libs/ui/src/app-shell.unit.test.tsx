import { changeLanguage, readStoredLanguage } from '@kompetansebro/i18n';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReactNode } from 'react';
import { AppShell, useShellIdentity } from './app-shell';
import { Page } from './page';

function renderShell(page: ReactNode = <Page title="Aktører"><p>Innhold</p></Page>) {
  return render(
    <AppShell
      appName="Fylkeskonsoll"
      renderHomeLink={(content, className) => (
        <a href="/fylke/" className={className}>
          {content}
        </a>
      )}
      navigation={
        <ul>
          <li>
            <a href="/fylke/aktorer">Aktører</a>
          </li>
        </ul>
      }
      accessibilityLink={<a href="/fylke/tilgjengelighet">Tilgjengelighetserklæring</a>}
      contactEmail="postmottak@trondelagfylke.no"
    >
      {page}
    </AppShell>,
  );
}

describe('AppShell', () => {
  afterEach(async () => {
    await changeLanguage('nb');
  });

  it('has a skip link to the main content, the landmarks, one h1 and a document title', () => {
    renderShell();
    const skipLink = screen.getByRole('link', { name: 'Hopp til hovedinnholdet' });
    expect(skipLink.getAttribute('href')).toBe('#main');
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Hovedmeny' })).toBeTruthy();
    const footer = screen.getByRole('contentinfo');
    expect(within(footer).getByRole('link', { name: 'Tilgjengelighetserklæring' })).toBeTruthy();
    expect(within(footer).getByRole('link', { name: 'postmottak@trondelagfylke.no' }).getAttribute('href')).toBe('mailto:postmottak@trondelagfylke.no');
    expect(screen.getAllByRole('heading', { level: 1 }).map((heading) => heading.textContent)).toEqual(['Aktører']);
    expect(document.title).toBe('Aktører – Fylkeskonsoll');
  });

  it('shows the name a page speaks in (a library answering the survey) in the header and the title, in place of the app’s', async () => {
    function LibraryAnswer() {
      useShellIdentity({ name: 'Namsos bibliotek' });
      return <Page title="Hvilke tjenester tilbyr dere?" />;
    }
    renderShell(<LibraryAnswer />);
    const banner = screen.getByRole('banner');
    await waitFor(() => expect(within(banner).getByRole('link', { name: 'Namsos bibliotek' })).toBeTruthy());
    expect(within(banner).queryByText('Fylkeskonsoll')).toBeNull();
    expect(document.title).toBe('Hvilke tjenester tilbyr dere? – Namsos bibliotek');
  });

  it('switches language: texts, <html lang> and the remembered choice follow', async () => {
    const user = userEvent.setup();
    renderShell();
    const group = screen.getByRole('group', { name: 'Språk' });
    expect(within(group).getByRole('button', { name: 'Bokmål' }).getAttribute('aria-pressed')).toBe('true');

    await user.click(within(group).getByRole('button', { name: 'Nynorsk' }));

    await screen.findByRole('link', { name: 'Hopp til hovudinnhaldet' });
    expect(document.documentElement.lang).toBe('nn');
    expect(readStoredLanguage()).toBe('nn');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Språket er endra til nynorsk.'));

    await user.click(screen.getByRole('button', { name: 'English' }));
    await screen.findByRole('link', { name: 'Skip to main content' });
    expect(document.documentElement.lang).toBe('en');
  });
});
