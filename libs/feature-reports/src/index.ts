export { createReportRoutes } from './report-routes';
export { parseReportSearch, type ReportSearch } from './report-search';
