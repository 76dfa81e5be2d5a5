import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { createLiaisonAppRoutes, liaisonNavigation } from './routes';

void bootstrapApp({
  app: 'universityLiaison',
  basePath: import.meta.env.BASE_URL,
  navigation: liaisonNavigation,
  createRoutes: createLiaisonAppRoutes,
  auth: authShell,
});
