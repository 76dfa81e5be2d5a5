import { createRouter } from '../http/openapi';

export const auditRoutes = createRouter();
