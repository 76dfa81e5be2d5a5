import { fileAnswer, routesTagged } from '../http/api-route';
import { createRouter } from '../http/openapi';
import { recordOfProcessing } from './record-of-processing';

const route = routesTagged('Privacy');

const recordRoute = route('get', '/api/privacy/record-of-processing', ['user', 'read'], {
  summary: 'The record of processing (GDPR art. 30), generated from the personal-data register, as Markdown (the county admin)',
  answers: { 200: fileAnswer('The record of processing', 'text/markdown') },
});

export const privacyRouter = createRouter().openapi(recordRoute, (c) =>
  c.body(recordOfProcessing(), 200, { 'Content-Type': 'text/markdown; charset=utf-8' }),
);
