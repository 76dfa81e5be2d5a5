import { renderRoute } from '@kompetansebro/testing';
import { createRoute, type AnyRoute } from '@tanstack/react-router';
import { createLibraryRoutes } from './library-routes';

/** (A helper of the component tests, named .test.tsx so it may use the testing library.) A library portal screen at `path`, with the pages it links to outside the portal stubbed. */
export function renderLibraryRoute(path: string) {
  const stub = (root: AnyRoute, stubPath: string) => createRoute({ getParentRoute: () => root, path: stubPath, component: () => null });
  return renderRoute({
    path,
    createRoutes: (root) => [
      createLibraryRoutes(root, { actorPath: '/tjenester/$id', agreementPath: '/avtaler/$id', agreementsPath: '/avtaler', activitiesPath: '/aktiviteter' }),
      stub(root, 'tjenester/$id'),
      stub(root, 'avtaler'),
      stub(root, 'avtaler/$id'),
      stub(root, 'aktiviteter'),
      stub(root, 'aktiviteter/$id'),
    ],
  });
}
