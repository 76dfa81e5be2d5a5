export {
  bootstrapApp,
  comingSoonNavigation,
  createAppRouter,
  createComingSoonRoutes,
  createQueryClient,
  type AppDefinition,
  type RouterContext,
} from './bootstrap-app';
export type { NavigationItem } from './app-layout';
export { DEFAULT_CONTACT_EMAIL, loadRuntimeConfig, type RuntimeConfig } from './runtime-config';
export { useShell, type AppKey } from './shell-context';
