import { measureInitialJavaScript } from './bundle-size.bench';
import { lighthouseOf, withBuiltServer, type FinderFigure } from './finder.bench';
import { withLighthouseBase, type LighthouseOver } from './tls-front';

// Each app's landing page after login, as a phone gets it: Lighthouse's mobile profile in
// Debian's Chromium, with the session cookie of the demo user who works in that app.

export const APP_LANDINGS = [
  { app: 'county-console', path: '/fylke/', email: 'fylke@demo.kompetansebro.no' },
  { app: 'centre-portal', path: '/studiesenter/', email: 'namdal@demo.kompetansebro.no' },
  { app: 'university-liaison', path: '/universitet/', email: 'ntnu@demo.kompetansebro.no' },
  { app: 'library-portal', path: '/bibliotek/', email: 'namsos@demo.kompetansebro.no' },
] as const;

export interface AppFigure {
  app: string;
  path: string;
  gzipKiB: number | null;
  lighthouse: FinderFigure['lighthouse'];
}

/** Logs in through the API as a browser would and returns the session cookie ("name=value"). */
async function sessionCookie(base: string, email: string): Promise<string> {
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ email, password: 'kompetansebro' }),
  });
  if (login.status !== 200) throw new Error(`login as ${email} answered ${login.status}`);
  return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export async function measureApps(over: LighthouseOver, only: string[] = []): Promise<AppFigure[]> {
  const bundles = new Map((await measureInitialJavaScript()).map((b) => [b.app, b.gzipKiB]));
  const landings = APP_LANDINGS.filter((l) => only.length === 0 || only.some((o) => l.app.includes(o) || l.path.includes(o)));
  return withBuiltServer((base) =>
    withLighthouseBase(base, over, async (pageBase) => {
      const figures: AppFigure[] = [];
      for (const { app, path, email } of landings) {
        // A fresh session per app: Lighthouse's runs send it with every request of the page.
        const cookie = await sessionCookie(base, email);
        figures.push({ app, path, gzipKiB: bundles.get(app) ?? null, lighthouse: await lighthouseOf(`${pageBase}${path}`, { Cookie: cookie }) });
      }
      return figures;
    }),
  );
}
