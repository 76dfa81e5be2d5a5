import { createRouter } from '../http/openapi';

export const activitiesRoutes = createRouter();
