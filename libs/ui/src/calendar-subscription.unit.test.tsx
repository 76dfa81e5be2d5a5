import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { CalendarSubscription, type CalendarFeedState } from './calendar-subscription';

const URL = 'https://kompetansebro.example/api/calendar-feeds/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/activities.ics';

/** A feed hook as api-client's, in memory: `made` counts the links made. */
function fakeFeed(start: Partial<CalendarFeedState>, made: { count: number }) {
  return function useFakeFeed(): CalendarFeedState {
    const [state, setState] = useState<CalendarFeedState>({
      status: 'ready',
      error: null,
      exists: false,
      createdAt: null,
      url: null,
      canCreate: true,
      creating: false,
      createError: null,
      create: () => undefined,
      retry: () => undefined,
      ...start,
    });
    return {
      ...state,
      create: () => {
        made.count += 1;
        setState({ ...state, exists: true, createdAt: '2026-12-04T18:00:00Z', url: URL });
      },
    };
  };
}

describe('CalendarSubscription', () => {
  it('opens on demand, makes a link and shows it once with a copy button', async () => {
    const made = { count: 0 };
    const user = userEvent.setup();
    render(<CalendarSubscription useFeed={fakeFeed({}, made)} />);
    const open = screen.getByRole('button', { name: 'Abonner i kalender' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await user.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    expect(await screen.findByText('Organisasjonen din har ingen kalenderlenke ennå.')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lag kalenderlenke' }));
    expect(made.count).toBe(1);
    expect((screen.getByLabelText('Kalenderlenke') as HTMLInputElement).value).toBe(URL);
    expect(screen.getByRole('button', { name: 'Kopier lenken' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Lenken vises bare nå' })).toBeTruthy();
  });

  it('asks before a new link replaces the old one', async () => {
    const made = { count: 0 };
    const user = userEvent.setup();
    render(<CalendarSubscription useFeed={fakeFeed({ exists: true, createdAt: '2026-12-01T09:15:00Z' }, made)} />);
    await user.click(screen.getByRole('button', { name: 'Abonner i kalender' }));
    expect(await screen.findByText(/laget 01\.12\.2026 10:15/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lag ny lenke' }));
    expect(screen.getByRole('heading', { name: 'Lage ny kalenderlenke?' })).toBeTruthy();
    expect(made.count).toBe(0);
    const buttons = screen.getAllByRole('button', { name: 'Lag ny lenke' });
    await user.click(buttons[buttons.length - 1] as HTMLElement);
    expect(made.count).toBe(1);
  });

  it('offers no new link to a role that may not make one', async () => {
    const user = userEvent.setup();
    render(<CalendarSubscription useFeed={fakeFeed({ canCreate: false }, { count: 0 })} />);
    await user.click(screen.getByRole('button', { name: 'Abonner i kalender' }));
    expect(await screen.findByText('Be en administrator i organisasjonen lage kalenderlenken.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lag kalenderlenke' })).toBeNull();
  });
});
