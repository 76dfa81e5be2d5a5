import { createRouter } from '../http/openapi';

export const servicesRoutes = createRouter();
