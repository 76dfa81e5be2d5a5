// eslint-disable-next-line @nx/enforce-module-boundaries -- build configuration shared by the frontends, not code of the app
import { frontendViteConfig } from '../../tools/scripts/frontend-vite-config';

/** The study centre portal, served under /studiesenter/. */
export default frontendViteConfig({ appDir: import.meta.dirname, name: 'centre-portal', base: '/studiesenter/', app: 'centrePortal' });
