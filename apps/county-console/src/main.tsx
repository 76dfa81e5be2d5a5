import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { countyNavigation, createCountyRoutes } from './routes';

void bootstrapApp({
  app: 'countyConsole',
  basePath: import.meta.env.BASE_URL,
  navigation: countyNavigation,
  createRoutes: createCountyRoutes,
  auth: authShell,
});
