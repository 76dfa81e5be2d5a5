// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration shared by the frontends, not code of the app
import { frontendViteConfig } from '../../tools/scripts/frontend-vite-config';

/** The library portal, served under /bibliotek/. */
export default frontendViteConfig({ appDir: import.meta.dirname, name: 'library-portal', base: '/bibliotek/', app: 'libraryPortal' });
