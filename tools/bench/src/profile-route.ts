// Profiles the app's CPU for one route in process (node --cpu-prof): seeds a throwaway PostgreSQL
// with the national dataset, logs in as a role's user (BENCH_ROLE, default the county admin) and
// asks for the route N times.
//   BENCH_ROLE=university node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx tools/bench/src/profile-route.ts "/api/liaison/needs?…" 500
// PUBLIC_ANSWER_SECONDS=0 profiles what a public answer costs when it is built (bench-app-config.ts).
import { migrateToLatest } from '@kompetansebro/db';
import { createApp } from '@kompetansebro/server';
import { benchAppConfig } from './bench-app-config';
import { startBenchPostgres } from './bench-database';
import { BENCH_USERS, generateNationalDataset } from './national-dataset';

const role = (process.env['BENCH_ROLE'] ?? 'county') as keyof typeof BENCH_USERS;
if (!Object.hasOwn(BENCH_USERS, role)) throw new Error(`BENCH_ROLE: one of ${Object.keys(BENCH_USERS).join(', ')}`);

const path = process.argv[2] ?? '/api/me';
const times = Number(process.argv[3] ?? 300);
const database = await startBenchPostgres();
try {
  const handle = await database.open();
  await migrateToLatest(handle.db);
  const dataset = await generateNationalDataset(handle.db);
  await handle.executeSql('analyze');
  const app = createApp({ db: handle.db, config: benchAppConfig('postgres') });
  const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(BENCH_USERS[role]) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const url = path.replace('{region}', dataset.regionIds[3] ?? '');
  for (let i = 0; i < 20; i++) await (await app.request(url, { headers: { cookie } })).text();
  const started = performance.now();
  for (let i = 0; i < times; i++) await (await app.request(url, { headers: { cookie } })).text();
  console.log(`${url}: ${((performance.now() - started) / times).toFixed(2)} ms per request (in process, wall)`);
  await handle.close();
} finally {
  await database.dispose();
}
