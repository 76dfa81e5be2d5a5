// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration shared by the frontends, not code of the app
import { frontendViteConfig } from '../../tools/scripts/frontend-vite-config';

/** The county's console, served under /fylke/. */
export default frontendViteConfig({ appDir: import.meta.dirname, name: 'county-console', base: '/fylke/', app: 'countyConsole' });
