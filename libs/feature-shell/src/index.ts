export {
  bootstrapApp,
  comingSoonNavigation,
  createAppRouter,
  createAppRuntime,
  createComingSoonRoutes,
  createQueryClient,
  ownAppPath,
  type AppDefinition,
  type RouterContext,
} from './bootstrap-app';
export { menuEntries, visibleNavigation, type AuthShell, type NavigationGroup, type NavigationItem } from './app-layout';
export { DEFAULT_CONTACT_EMAIL, loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
export { UNAUTHORISED_IS_AN_ANSWER_KEY } from './session';
export { ShellContext, useShell, type AppKey } from './shell-context';
