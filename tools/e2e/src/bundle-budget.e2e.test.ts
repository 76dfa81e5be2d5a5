import { expect, test } from '@playwright/test';
import { initialJavaScriptOf, INITIAL_JS_BUDGET_KIB } from '@kompetansebro/testing/server';

// The size budgets of issue 18 as a test, on the pages as the built server serves them: a change
// that pulls a heavy module into an app's entry fails here, not first in a bench run.

const pages: Array<{ page: string; path: string; kind: keyof typeof INITIAL_JS_BUDGET_KIB }> = [
  { page: 'the county console', path: '/fylke/', kind: 'app' },
  { page: 'the study-centre portal', path: '/studiesenter/', kind: 'app' },
  { page: 'the university view', path: '/universitet/', kind: 'app' },
  { page: 'the library portal', path: '/bibliotek/', kind: 'app' },
  { page: 'the finder’s front page', path: '/', kind: 'finder' },
  { page: 'a finder library page', path: '/finn/bibliotek/grong-bibliotek', kind: 'finder' },
];

test.describe('initial JavaScript within its budget (gzip)', () => {
  for (const { page, path, kind } of pages) {
    const budget = INITIAL_JS_BUDGET_KIB[kind];
    test(`${page} loads at most ${budget} KiB before it works`, async ({ baseURL }) => {
      const figure = await initialJavaScriptOf(new URL(path, baseURL).toString());
      // An app that names no script would pass any budget: it must name its entry.
      if (kind === 'app') expect(figure.scripts).toBeGreaterThan(0);
      expect(figure.gzipKiB, `${figure.gzipKiB.toFixed(1)} KiB in ${figure.scripts} scripts`).toBeLessThanOrEqual(budget);
    });
  }
});
