import { actorListQuerySchema } from '@kompetansebro/domain';
import { act, render, screen } from '@testing-library/react';
import { createMemoryHistory, createRootRoute, createRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { describe, expect, it } from 'vitest';
import { useListSearch, type ListSearch } from './list-search';
import { plainSearch } from './plain-search';

const actorSearch = actorListQuerySchema.pick({ q: true, kind: true, sort: true, page: true });

/** A list route at /liste with `useListSearch` over the actor list's URL; `list` is the hook's latest answer. */
async function renderListRoute(path: string) {
  const hook: { list?: ListSearch<{ q?: string | undefined }> } = {};
  function Screen() {
    hook.list = useListSearch(actorSearch, '/liste');
    return <p>liste</p>;
  }
  const rootRoute = createRootRoute();
  const listRoute = createRoute({ getParentRoute: () => rootRoute, path: '/liste', validateSearch: plainSearch, component: Screen });
  const history = createMemoryHistory({ initialEntries: [path] });
  const router = createRouter({ routeTree: rootRoute.addChildren([listRoute]), history });
  render(<RouterProvider router={router} />);
  await screen.findByText('liste');
  const list = () => {
    if (!hook.list) throw new Error('the screen has not rendered');
    return hook.list;
  };
  return { router, history, list };
}

describe('useListSearch', () => {
  it('clears the search and filters but keeps the order and the page size', async () => {
    const { router, list } = await renderListRoute('/liste?q=ntnu&kind=university&sort=-updated&pageSize=50&page=3');
    await act(async () => list().clearFilters());
    expect(router.state.location.search).toEqual({ sort: '-updated', pageSize: 50 });
  });

  it('writes text that reads as a number without quotes', async () => {
    const { router, list } = await renderListRoute('/liste');
    await act(async () => list().update({ q: '2024' }));
    expect(router.state.location.searchStr).toBe('?q=2024');
    expect(list().view.q).toBe('2024');
  });

  it('replaces the history entry when asked, so typing adds no step to go back through', async () => {
    const { router, history, list } = await renderListRoute('/liste');
    const entries = history.length;
    await act(async () => list().update({ q: 'n' }, { replace: true }));
    await act(async () => list().update({ q: 'nt' }, { replace: true }));
    expect(history.length).toBe(entries);
    expect(router.state.location.search).toEqual({ q: 'nt' });
    await act(async () => list().update({ q: 'ntnu' }));
    expect(history.length).toBe(entries + 1);
  });
});
