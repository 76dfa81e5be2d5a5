import { existsSync, readFileSync, readdirSync } from 'node:fs';
import nx from '@nx/eslint-plugin';
import reactHooks from 'eslint-plugin-react-hooks';

/** Every Nx project's root, tags and import aliases (from tsconfig.base.json `paths`). */
const readJson = (file) => JSON.parse(readFileSync(new URL(file, import.meta.url), 'utf8'));
const projects = ['apps', 'libs', 'tools'].flatMap((group) =>
  readdirSync(new URL(`./${group}`, import.meta.url))
    .map((name) => `${group}/${name}`)
    .filter((root) => existsSync(new URL(`./${root}/project.json`, import.meta.url)))
    .map((root) => ({ root, tags: readJson(`./${root}/project.json`).tags ?? [] })),
);
const aliases = Object.entries(readJson('./tsconfig.base.json').compilerOptions.paths);
const withPlatform = (platform) => projects.filter((p) => p.tags.includes(`platform:${platform}`));
const aliasesOf = (list) => aliases.filter(([, [target]]) => list.some((p) => target.startsWith(`./${p.root}/`))).map(([alias]) => alias);

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

/**
 * Where code runs (docs/architecture.md): browser code depends on browser and isomorphic code only;
 * isomorphic code (runs anywhere) on isomorphic code only. Node code is not limited here.
 * Browser code may still import *types* from node code (the server's AppType): those imports
 * are let through below and checked to be type-only by no-restricted-imports.
 */
const platformConstraints = [
  { sourceTag: 'platform:browser', onlyDependOnLibsWithTags: ['platform:browser', 'platform:isomorphic'] },
  { sourceTag: 'platform:isomorphic', onlyDependOnLibsWithTags: ['platform:isomorphic'] },
];

/** Each app is its own deployable: it shares only shared libraries, never another app's code. */
const scopeConstraints = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:api', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:county', onlyDependOnLibsWithTags: ['scope:shared', 'scope:county'] },
  { sourceTag: 'scope:centre', onlyDependOnLibsWithTags: ['scope:shared', 'scope:centre'] },
  { sourceTag: 'scope:university', onlyDependOnLibsWithTags: ['scope:shared', 'scope:university'] },
  { sourceTag: 'scope:library', onlyDependOnLibsWithTags: ['scope:shared', 'scope:library'] },
];

/** Node projects' aliases (but the test-only testing library): browser code may import types from them, nothing else. */
const nodeAliases = aliasesOf(withPlatform('node').filter((p) => !p.tags.includes('type:testing')));
const browserFiles = withPlatform('browser').map((p) => `${p.root}/**`);

const boundaries = ({ allowTesting, allowNodeTypes }) => [
  'error',
  {
    enforceBuildableLibDependency: true,
    allow: allowNodeTypes ? nodeAliases : [],
    depConstraints: [
      // Only test files may use the testing library (it runs in Node, under Vitest).
      ...[...typeConstraints, ...platformConstraints].map((c) =>
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
      '@nx/enforce-module-boundaries': boundaries({ allowTesting: false, allowNodeTypes: false }),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: TEST_FILES, rules: { '@nx/enforce-module-boundaries': boundaries({ allowTesting: true, allowNodeTypes: false }) } },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Browser code (projects tagged platform:browser) never imports node code at run time: types only.
    files: browserFiles,
    ignores: TEST_FILES,
    rules: { '@nx/enforce-module-boundaries': boundaries({ allowTesting: false, allowNodeTypes: true }) },
  },
  {
    files: browserFiles.flatMap((root) => TEST_FILES.map((test) => `${root.slice(0, -3)}/${test}`)),
    rules: { '@nx/enforce-module-boundaries': boundaries({ allowTesting: true, allowNodeTypes: true }) },
  },
  {
    // Hono's `c.var` builds an object of every variable on each access; `c.get('name')` reads one (issue 18).
    files: ['libs/server/src/**/*.ts', 'apps/api/src/**/*.ts'],
    ignores: TEST_FILES,
    rules: { 'no-restricted-syntax': ['error', { selector: "MemberExpression[property.name='var']", message: "Read a request variable with c.get('name'), not c.var." }] },
  },
  {
    files: browserFiles,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeAliases.map((name) => ({ name, allowTypeImports: true, message: 'Browser code may import only types from node code (platform:node).' })),
            { name: 'kysely', message: 'Browser code never talks to the database.' },
          ],
        },
      ],
    },
  },
];
