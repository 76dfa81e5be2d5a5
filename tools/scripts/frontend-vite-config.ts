import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

/**
 * The Vite config of a micro-frontend: its own build in dist/apps/<name>, served under its
 * base path (see apps/api/src/frontends.ts). Each app's vite.config.ts calls this.
 */
export function frontendViteConfig({ appDir, name, base }: { appDir: string; name: string; base: `/${string}/` }): UserConfig {
  return defineConfig({
    root: appDir,
    base,
    plugins: [react()],
    resolve: { tsconfigPaths: true },
    build: {
      outDir: `../../dist/apps/${name}`,
      emptyOutDir: true,
      sourcemap: true,
      rollupOptions: {
        // Our own modules do nothing on import but their CSS; saying so lets the bundler drop
        // what a screen does not use from the first download (lazy screens keep their own code).
        treeshake: { moduleSideEffects: (id) => id.includes('/node_modules/') || id.endsWith('.css') },
      },
    },
  });
}
