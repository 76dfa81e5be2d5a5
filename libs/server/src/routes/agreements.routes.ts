import { createRouter } from '../http/openapi';

export const agreementsRoutes = createRouter();
