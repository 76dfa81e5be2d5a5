import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { createLibraryPortalRoutes, libraryNavigation, libraryPaths } from './routes';

void bootstrapApp({
  app: 'libraryPortal',
  basePath: import.meta.env.BASE_URL,
  navigation: libraryNavigation,
  createRoutes: createLibraryPortalRoutes,
  paths: libraryPaths,
  auth: authShell,
});
