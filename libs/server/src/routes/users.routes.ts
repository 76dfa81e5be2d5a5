import { createRouter } from '../http/openapi';

export const usersRoutes = createRouter();
