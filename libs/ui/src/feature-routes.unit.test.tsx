import { act, render, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRouteWithContext, createRouter, RouterProvider } from '@tanstack/react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_DATA_WAIT_MS, firstDataOf, screenRoute, type FirstData } from './feature-routes';

/** A query's options as the test's cache knows them: a key, and the answer (or failure) it gets. */
interface TestQuery {
  key: string;
  answer: () => Promise<string>;
}

/** A stand-in for react-query's cache: what `ensureQueryData` was asked for, and what it holds. */
function testCache() {
  const held = new Map<string, string>();
  return {
    held,
    async ensureQueryData(options: object) {
      const { key, answer } = options as TestQuery;
      held.set(key, await answer());
    },
  };
}

/** The app at `/` with one screen that has `firstData`; `seen` is what the screen found in the cache when it first rendered. */
function renderScreen(firstData: FirstData, cache = testCache()) {
  const seen: { first?: Record<string, string> } = {};
  function Screen() {
    seen.first ??= Object.fromEntries(cache.held);
    return <p>skjermen</p>;
  }
  const rootRoute = createRootRouteWithContext<{ queryClient: ReturnType<typeof testCache> }>()();
  const route = screenRoute(rootRoute, { path: '/', component: Screen, firstData });
  const router = createRouter({ routeTree: rootRoute.addChildren([route]), history: createMemoryHistory({ initialEntries: ['/'] }), context: { queryClient: cache } });
  render(<RouterProvider router={router} />);
  return { seen, cache };
}

const query = (key: string, answer: () => Promise<string>): TestQuery => ({ key, answer });

describe('screenRoute with first data', () => {
  afterEach(() => vi.useRealTimers());

  it('shows the screen once its first data is in the cache, so it paints whole', async () => {
    const { seen } = renderScreen(async () => [query('status', async () => 'tall'), query('coverage', async () => 'dekning')]);
    await screen.findByText('skjermen');
    expect(seen.first).toEqual({ status: 'tall', coverage: 'dekning' });
  });

  it('shows the screen when a query fails: that section shows its own error', async () => {
    const { seen } = renderScreen(async () => [
      query('status', async () => 'tall'),
      query('coverage', async () => {
        throw new Error('500');
      }),
    ]);
    await screen.findByText('skjermen');
    expect(seen.first).toEqual({ status: 'tall' });
  });

  it(`waits no longer than ${FIRST_DATA_WAIT_MS} ms for a slow source: the rest shows, the slow section loads on`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { seen } = renderScreen(async () => [query('status', async () => 'tall'), query('slow', () => new Promise<string>(() => undefined))]);
    await act(async () => vi.advanceTimersByTimeAsync(FIRST_DATA_WAIT_MS - 100));
    expect(screen.queryByText('skjermen')).toBeNull();
    await act(async () => vi.advanceTimersByTimeAsync(200));
    expect(screen.getByText('skjermen')).toBeTruthy();
    expect(seen.first).toEqual({ status: 'tall' });
  });

  it('loads the parts of a screen made of several (a home and the tasks an app adds) together', async () => {
    const { seen } = renderScreen(
      firstDataOf(
        async () => [query('home', async () => 'hjem')],
        null,
        async () => [query('tasks', async () => 'oppgaver')],
      ),
    );
    await screen.findByText('skjermen');
    expect(seen.first).toEqual({ home: 'hjem', tasks: 'oppgaver' });
  });

  it("asks for a part's queries as soon as that part knows them, not when the slowest part's chunk is in", async () => {
    const asked: string[] = [];
    let tasksChunkLoaded: () => void = () => undefined;
    const tasksChunk = new Promise<void>((resolve) => (tasksChunkLoaded = resolve));
    const tracked = (key: string, answer: string) => query(key, async () => (asked.push(key), answer));
    const { seen } = renderScreen(
      firstDataOf(
        async () => [tracked('home', 'hjem')],
        firstDataOf(() => tasksChunk.then(() => [tracked('tasks', 'oppgaver')])),
      ),
    );
    await vi.waitFor(() => expect(asked).toEqual(['home']));
    tasksChunkLoaded();
    await screen.findByText('skjermen');
    expect(asked).toEqual(['home', 'tasks']);
    expect(seen.first).toEqual({ home: 'hjem', tasks: 'oppgaver' });
  });
});
