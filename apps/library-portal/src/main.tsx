import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { createLibraryPortalRoutes, libraryNavigation } from './routes';

void bootstrapApp({
  app: 'libraryPortal',
  basePath: import.meta.env.BASE_URL,
  navigation: libraryNavigation,
  createRoutes: createLibraryPortalRoutes,
  auth: authShell,
});
