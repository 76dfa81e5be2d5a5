import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { compression } from 'vite-plugin-compression2';
// The apps' names and page texts are the bokmål catalogue's (the apps' first language), as in the app shell.
import bokmal from '../../libs/i18n/src/catalogues/nb/shared.json' with { type: 'json' };

/** An app's texts in the catalogue (`app.<key>`): its name, description and what it says without JavaScript. */
export type AppKey = Exclude<keyof typeof bokmal.app, 'suiteName'>;

/** ui's decorative Spinner (Designsystemet's ds-spinner), as markup. */
const spinner =
  '<svg class="ds-spinner" data-size="sm" viewBox="0 0 50 50" aria-hidden="true"><circle class="ds-spinner__background" cx="25" cy="25" r="20" fill="none" stroke-width="5"></circle><circle class="ds-spinner__circle" cx="25" cy="25" r="20" fill="none" stroke-width="5"></circle></svg>';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The one page every app is served in: its head (language, charset, viewport, description, title,
 * no favicon request) and the body the app renders into (the header's frame until it does). The
 * app's index.html holds only what it loads (its entry script), which ends the body; Vite then
 * bundles it as usual.
 */
function appPagePlugin(app: AppKey): Plugin {
  const page = bokmal.app[app];
  return {
    name: 'kompetansebro-app-page',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => {
        const loads = html.replace(/<!doctype html>/i, '').replace(/<!--[\s\S]*?-->/g, '').trim();
        return [
          '<!doctype html>',
          '<html lang="nb">',
          '  <head>',
          '    <meta charset="utf-8" />',
          '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
          `    <meta name="description" content="${escapeHtml(page.description)}" />`,
          '    <link rel="icon" href="data:," />',
          `    <title>${escapeHtml(`${page.name} – ${bokmal.app.suiteName}`)}</title>`,
          '  </head>',
          '  <body>',
          // The header's frame with the app's name until the app renders over it: the page shows
          // something as soon as it and its stylesheet are in, not only after the scripts have run.
          // The app renders when its first page has loaded (feature-shell's bootstrapApp); a load
          // that takes more than a second shows the loading state the app's own pages show.
          `    <div id="root"><div class="kb-shell"><header class="kb-header"><div class="kb-container kb-header__bar"><span class="kb-header__brand">${escapeHtml(page.name)}</span></div></header>`,
          `      <main id="main" class="kb-main"><div class="kb-container"><div class="kb-loading kb-loading--after-a-second" role="status">${spinner}<span>${escapeHtml(bokmal.states.loading)}</span></div></div></main></div></div>`,
          `    <noscript>${escapeHtml(page.noscript)}</noscript>`,
          `    ${loads}`,
          '  </body>',
          '</html>',
          '',
        ].join('\n');
      },
    },
  };
}

/**
 * The Vite config of a micro-frontend: its own build in dist/apps/<name>, served under its
 * base path (see apps/api/src/frontends.ts), in the page of its texts `app.<app>`. Each app's
 * vite.config.ts calls this.
 */
export function frontendViteConfig({ appDir, name, base, app }: { appDir: string; name: string; base: `/${string}/`; app: AppKey }): UserConfig {
  return defineConfig({
    root: appDir,
    base,
    plugins: [
      react(),
      appPagePlugin(app),
      // Brotli and gzip copies beside each file, sent as they are by the API's static serving:
      // a phone downloads a quarter of the bytes, and the server spends no CPU compressing.
      compression({ algorithms: ['brotliCompress', 'gzip'], logLevel: 'silent', exclude: [/\.map$/, /config\.json$/, /index\.html$/], threshold: 1024 }),
    ],
    resolve: {
      tsconfigPaths: true,
      // The pre-React-18 shims of useSyncExternalStore, asked for by react-i18next and
      // @tanstack/react-store, cost every app's first download for nothing on React 19.
      alias: [
        { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: 'use-sync-external-store/with-selector' },
        { find: /^use-sync-external-store\/shim(\/index\.js)?$/, replacement: `${import.meta.dirname}/react-19/use-sync-external-store-shim.ts` },
      ],
    },
    build: {
      // The page preloads its entry's imports (index.html); a lazy screen's imports are fetched as
      // the browser finds them. Preloading those too put a <link rel="modulepreload"> in the page
      // per chunk as each screen loaded (32 on the library's home, ~0.75 ms of main thread each,
      // four times that on a phone), and Lighthouse's phone finished the landing pages later with
      // them than without (alternating runs, session 37).
      modulePreload: { resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []) },
      outDir: `../../dist/apps/${name}`,
      emptyOutDir: true,
      sourcemap: true,
      rollupOptions: {
        // Our own modules do nothing on import but their CSS; saying so lets the bundler drop
        // what a screen does not use from the first download (lazy screens keep their own code).
        treeshake: { moduleSideEffects: (id) => id.includes('/node_modules/') || id.endsWith('.css') },
        // A chunk's file is its hash alone: the entry names every lazy chunk it imports, and the
        // names' words were 0.8 KiB gzip of the county console's first download (with the preload
        // lists then). The source maps still say what each chunk holds.
        output: { chunkFileNames: 'assets/[hash].js' },
      },
    },
  });
}
