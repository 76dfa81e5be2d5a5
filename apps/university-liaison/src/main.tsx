import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp, comingSoonNavigation, createComingSoonRoutes } from '@kompetansebro/feature-shell';

// Being built: the real frame (with the login) around a page that says what the app will offer.
void bootstrapApp({
  app: 'universityLiaison',
  basePath: import.meta.env.BASE_URL,
  navigation: comingSoonNavigation,
  createRoutes: createComingSoonRoutes,
  auth: authShell,
});
