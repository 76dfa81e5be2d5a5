import { describe, expect, it } from 'vitest';
import { testServer } from '../testing/fixture.test';

// The API's surface as the OpenAPI document states it: every route and method with its
// parameters, request body and answers. A refactoring of how routes are declared must leave this
// file as it is; a new or changed route shows here as a diff to review.

const server = testServer();

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, unknown>;
}

describe('GET /api/openapi.json', () => {
  it('states every route with its parameters, body and answers', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> };
    const lines = Object.entries(document.paths)
      .flatMap(([path, operations]) =>
        Object.entries(operations).map(([method, operation]) => {
          const parameters = (operation.parameters ?? []).map((p) => `${p.in}:${p.name}${p.required ? '' : '?'}`).sort();
          const body = Object.keys(operation.requestBody?.content ?? {});
          return `${method.toUpperCase()} ${path} [${parameters.join(' ')}] body[${body.join(' ')}] -> ${Object.keys(operation.responses).join(' ')}`;
        }),
      )
      .sort();
    expect(lines.length).toBeGreaterThan(100);
    await expect(`${lines.join('\n')}\n`).toMatchFileSnapshot('./__snapshots__/openapi-routes.txt');
  });
});
