import { createRouter } from '../http/openapi';

export const contactsRoutes = createRouter();
