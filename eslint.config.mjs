import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/** The dependency table of docs/architecture.md, enforced on every import. */
const typeConstraints = [
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain', 'type:util', 'type:server'] },
  { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:data-access', 'type:ui', 'type:domain', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util', 'type:server'] },
  { sourceTag: 'type:server', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:util'] },
  { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:domain', 'type:util'], bannedExternalImports: ['@tanstack/react-query', 'msw', 'msw/*'] },
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: ['react', 'react-dom', 'hono', 'hono/*', '@hono/*', 'kysely', 'pg', '@electric-sql/*'] },
  { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:feature', 'type:data-access', 'type:ui', 'type:domain', 'type:util', 'type:server', 'type:testing'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['*'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['*'] },
];

/** Each app is its own deployable: it shares only shared libraries, never another app's code. */
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:county', onlyDependOnLibsWithTags: ['scope:shared', 'scope:county'] },
  { sourceTag: 'scope:centre', onlyDependOnLibsWithTags: ['scope:shared', 'scope:centre'] },
  { sourceTag: 'scope:university', onlyDependOnLibsWithTags: ['scope:shared', 'scope:university'] },
];

const boundaries = (allowTesting) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: [],
    depConstraints: [
      // Only test files may use the testing library.
      ...typeConstraints.map((c) =>
        allowTesting ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] } : c,
      ),
      ...scopeConstraints,
    ],
  },
];

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

export default [
  { ignores: ['**/dist', '**/node_modules', '**/.nx', 'coverage/**', 'data', 'tmp', '**/test-results', '**/playwright-report', '**/vite.config.ts.timestamp-*'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': boundaries(false),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': boundaries(true) } },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Browser code never imports server or database code at run time (types only).
    files: ['apps/county-console/**', 'apps/centre-portal/**', 'apps/university-liaison/**', 'libs/ui/**', 'libs/api-client/**', 'libs/feature-*/**', 'libs/i18n/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@kompetansebro/server', allowTypeImports: true, message: 'Browser code may import only types from the server.' },
            { name: '@kompetansebro/db', allowTypeImports: true, message: 'Browser code may import only types from the database library.' },
            { name: 'kysely', message: 'Browser code never talks to the database.' },
          ],
        },
      ],
    },
  },
];
