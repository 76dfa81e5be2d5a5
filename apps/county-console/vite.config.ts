import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The county's console, served under /fylke/ (see apps/api/src/frontends.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/fylke/',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../../dist/apps/county-console',
    emptyOutDir: true,
    sourcemap: true,
  },
});
