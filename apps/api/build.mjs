// Bundles the API server and the libraries it uses into one file; npm packages stay external.
import { build } from 'esbuild';

await build({
  entryPoints: ['apps/api/src/main.ts'],
  outfile: 'dist/apps/api/main.js',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.base.json',
  logLevel: 'warning',
});
