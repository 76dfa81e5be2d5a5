// `npm run bench`: prints figures; nothing here passes or fails a build.
import { INITIAL_JS_BUDGET_KIB, measureInitialJavaScript } from './src/bundle-size.bench';
import { measureStartup } from './src/startup.bench';
import { FINDER_JS_GOAL_KIB, measureFinder } from './src/finder.bench';
import { measureAgreementsApi, NATIONAL_SCALE } from './src/agreements-api.bench';
import { measureImport } from './src/import.bench';

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

console.log('\nThe public student finder: HTML and initial JavaScript (gzip -9), Lighthouse mobile in Debian\'s Chromium (goals: performance ≥ 95, accessibility 100, LCP ≤ 2.0 s)');
console.table(
  (await measureFinder()).map((f) => ({
    page: f.page,
    'HTML gzip KiB': f.htmlGzipKiB.toFixed(1),
    scripts: f.scripts,
    'JS gzip KiB': f.jsGzipKiB.toFixed(1),
    [`within ${FINDER_JS_GOAL_KIB} KiB`]: f.jsGzipKiB <= FINDER_JS_GOAL_KIB ? 'yes' : 'NO',
    ...(typeof f.lighthouse === 'string'
      ? { lighthouse: f.lighthouse }
      : {
          [`performance (median of ${f.lighthouse.runs})`]: f.lighthouse.performance,
          'performance range': f.lighthouse.performanceRange.join('–'),
          accessibility: f.lighthouse.accessibility,
          'LCP s': f.lighthouse.lcpSeconds.toFixed(2),
          'TBT ms': Math.round(f.lighthouse.tbtMs),
          'CPU benchmark index': f.lighthouse.benchmarkIndex,
          'load before': f.lighthouse.load.toFixed(1),
        }),
  })),
);

console.log('\nSeconds from start to healthy (/api/health answers 200)');
const startup = await measureStartup();
console.table(startup.map((s) => ({ measurement: s.label, seconds: s.seconds.toFixed(2) })));

console.log(
  `\nGET /api/agreements (a filtered page of 50) at national scale: ${NATIONAL_SCALE.counties} counties, ${NATIONAL_SCALE.municipalities} municipalities, ` +
    `${NATIONAL_SCALE.actors} actors, ${NATIONAL_SCALE.agreements} agreements, ${NATIONAL_SCALE.participations} activity participations`,
);
const api = [];
for (const kind of ['postgres', 'pglite'] as const) api.push(await measureAgreementsApi(kind));
console.table(
  api.map((f) => ({
    database: f.database,
    'seed s': f.seedSeconds.toFixed(1),
    'CPU ms/req app': f.cpuMsPerRequestApp.toFixed(3),
    'CPU ms/req raw node:http': f.cpuMsPerRequestRaw.toFixed(3),
    'ratio (goal ≤ 1.3)': f.cpuRatio.toFixed(2),
    'p50 ms @300 rps': f.p50Ms,
    'p99 ms @300 rps (goal ≤ 50 on PostgreSQL)': f.p99Ms,
    'requests / errors': `${f.requestsAtFixedRate} / ${f.errorsAtFixedRate}`,
    'saturation req/s': Math.round(f.saturationRps),
  })),
);

console.log(`\nImport of a ${'5,000'}-row library list through the API (in process, on the sample data, as the county admin)`);
const imports = [];
for (const kind of ['postgres', 'pglite'] as const) imports.push(await measureImport(kind));
console.table(
  imports.map((f) => ({
    database: f.database,
    rows: f.rows,
    'upload ms': Math.round(f.uploadMs),
    'preview ms': Math.round(f.previewMs),
    'apply ms': Math.round(f.applyMs),
    'undo ms': Math.round(f.undoMs),
  })),
);
