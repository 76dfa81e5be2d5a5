export { createImportRoute } from './import-routes';
