export { createApp, type AppType, type CreateAppOptions, type Logger } from './app';
export type { AppConfig, AppDeps } from './http/app-env';
