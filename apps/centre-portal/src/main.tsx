import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { centreNavigation, centrePaths, createCentreRoutes } from './routes';

void bootstrapApp({
  app: 'centrePortal',
  basePath: import.meta.env.BASE_URL,
  navigation: centreNavigation,
  createRoutes: createCentreRoutes,
  paths: centrePaths,
  auth: authShell,
});
