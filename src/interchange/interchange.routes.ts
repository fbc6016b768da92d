import { newRouter } from '../server/openapi-helpers.ts';
export const interchangeRoutes = newRouter();
