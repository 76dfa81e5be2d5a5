import type { AppPaths } from '@kompetansebro/ui';

// Where the app shows each kind of record, for the inbox's and the search's links: set once by
// createAccountRoutes (each app is its own bundle, so this is the app's own).

let paths: AppPaths = {};

export function setAccountPaths(appPaths: AppPaths): void {
  paths = appPaths;
}

export function accountPaths(): AppPaths {
  return paths;
}

/** The account's pages, the same in every app. */
export const INBOX_PATH = '/innboks';
export const SEARCH_PATH = '/sok';
export const PROFILE_PATH = '/konto';
export const PASSWORD_PATH = '/konto/passord';
export const NOTIFICATIONS_PATH = '/konto/varsler';
