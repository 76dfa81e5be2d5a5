export { createReportRoutes } from './report-routes';
