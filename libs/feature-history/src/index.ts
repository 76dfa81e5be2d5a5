export { createHistoryRoute } from './history-routes';
