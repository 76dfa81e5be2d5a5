import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { createLiaisonAppRoutes, liaisonNavigation, liaisonPaths } from './routes';

void bootstrapApp({
  app: 'universityLiaison',
  basePath: import.meta.env.BASE_URL,
  navigation: liaisonNavigation,
  createRoutes: createLiaisonAppRoutes,
  paths: liaisonPaths,
  auth: authShell,
});
