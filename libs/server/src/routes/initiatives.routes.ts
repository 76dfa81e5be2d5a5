import { createRouter } from '../http/openapi';

export const initiativesRoutes = createRouter();
