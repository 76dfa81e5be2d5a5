// Its own module, so the API client loads zod only when an answer is an error (api-error.ts).
export { problemSchema } from '@kompetansebro/domain';
