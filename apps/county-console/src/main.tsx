import { authShell } from '@kompetansebro/feature-auth';
import { bootstrapApp } from '@kompetansebro/feature-shell';
import { createSurveyAnswerRoute } from '@kompetansebro/feature-survey';
import { countyNavigation, countyPaths, createCountyRoutes } from './routes';

void bootstrapApp({
  app: 'countyConsole',
  basePath: import.meta.env.BASE_URL,
  navigation: countyNavigation,
  createRoutes: createCountyRoutes,
  paths: countyPaths,
  // Open to all beside the login pages: a library answers the service survey through its e-mailed link (/fylke/svar?token=…).
  auth: { ...authShell, createRoutes: (root) => [...authShell.createRoutes(root), createSurveyAnswerRoute(root, { path: 'svar' })] },
});
