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
    rollupOptions: {
      // Our own modules do nothing on import but their CSS; saying so lets the bundler drop
      // what a screen does not use from the first download (lazy screens keep their own code).
      treeshake: { moduleSideEffects: (id) => id.includes('/node_modules/') || id.endsWith('.css') },
    },
  },
});
