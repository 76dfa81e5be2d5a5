// React 19 has useSyncExternalStore; the `use-sync-external-store/shim` package (asked for by
// react-i18next) only re-exports it after a version check. The apps load React's own.
export { useSyncExternalStore } from 'react';
