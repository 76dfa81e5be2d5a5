import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The study centre portal, served under /studiesenter/ (see apps/api/src/frontends.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/studiesenter/',
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  build: {
    outDir: '../../dist/apps/centre-portal',
    emptyOutDir: true,
    sourcemap: true,
    // Our modules have no side effects but their CSS (as in the county console's config).
    rollupOptions: { treeshake: { moduleSideEffects: (id) => id.includes('/node_modules/') || id.endsWith('.css') } },
  },
});
