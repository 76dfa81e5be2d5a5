// `npm run bench`: prints figures; nothing here passes or fails a build.
import { INITIAL_JS_BUDGET_KIB, measureInitialJavaScript } from './src/bundle-size.bench';
import { measureStartup } from './src/startup.bench';

const bundles = await measureInitialJavaScript();
console.log('\nInitial JavaScript per app (entry + preloaded modules, gzip -9)');
console.table(
  bundles.map((b) => ({
    app: b.app,
    files: b.files,
    'raw KiB': b.rawKiB.toFixed(1),
    'gzip KiB': b.gzipKiB.toFixed(1),
    [`within ${INITIAL_JS_BUDGET_KIB} KiB`]: b.gzipKiB <= INITIAL_JS_BUDGET_KIB ? 'yes' : 'NO',
  })),
);

console.log('\nSeconds from start to healthy (/api/health answers 200)');
const startup = await measureStartup();
console.table(startup.map((s) => ({ measurement: s.label, seconds: s.seconds.toFixed(2) })));
