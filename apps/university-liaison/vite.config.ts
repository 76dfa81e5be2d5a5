// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration shared by the frontends, not code of the app
import { frontendViteConfig } from '../../tools/scripts/frontend-vite-config';

/** The university library portal, served under /universitet/. */
export default frontendViteConfig({ appDir: import.meta.dirname, name: 'university-liaison', base: '/universitet/', app: 'universityLiaison' });
