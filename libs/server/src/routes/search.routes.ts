import { createRouter } from '../http/openapi';

export const searchRoutes = createRouter();
