import { BENCH_ORGANISATIONS, type BenchRole, type NationalDataset } from './national-dataset';

/**
 * The list and overview requests each app's pages make (read from libs/feature-* and
 * libs/api-client: the query each screen runs, with the filters it sends), as the role that
 * uses that app. The public finder's pages and the open data API are asked anonymously.
 */
export interface BenchRoute {
  /** Which app's pages ask for it. */
  app: 'county' | 'centre' | 'university' | 'library' | 'public';
  role: BenchRole;
  /** What the table calls it: the method and path with the query that varies. */
  route: string;
  path: string;
}

const iso = (date: Date) => date.toISOString().slice(0, 10);

export function benchRoutes(dataset: NationalDataset): BenchRoute[] {
  const region = dataset.regionIds[3] ?? '';
  const today = iso(new Date());
  const monthAgo = iso(new Date(Date.now() - 30 * 86_400_000));
  const inSixtyDays = iso(new Date(Date.now() + 60 * 86_400_000));
  const { centre, university, library } = BENCH_ORGANISATIONS;
  const routes: Array<[BenchRoute['app'], BenchRole, string]> = [
    // County console (county admin): the overview, registers, the log.
    ['county', 'county', `/api/agreements?status=active&region=${region}&pageSize=50&sort=title`],
    ['county', 'county', '/api/agreements?page=1&pageSize=25&sort=title'],
    ['county', 'county', '/api/agreements?endingWithinDays=90&sort=end&pageSize=25'],
    ['county', 'county', '/api/agreements?q=samarbeidsavtale&pageSize=25'],
    ['county', 'county', '/api/agreement-acceptances'],
    // The overview: the count per status and every region's coverage, each one request.
    ['county', 'county', '/api/agreements/counts'],
    ['county', 'county', '/api/coverage/regions'],
    // The overview's other sections (apps/county-console/src/overview/overview-data.ts), and the inbox every page's header shows.
    ['county', 'county', '/api/agreements?commitments=unmet&sort=end&pageSize=10'],
    ['county', 'county', `/api/plan-items?open=true&dueBefore=${inSixtyDays}&sort=due&pageSize=10`],
    ['county', 'county', `/api/activities?from=${today}&sort=date&pageSize=5`],
    ['county', 'county', '/api/agreement-settings'],
    ['county', 'county', '/api/inbox'],
    // The coverage page: one region.
    ['county', 'county', `/api/coverage?region=${region}`],
    ['county', 'county', '/api/actors?page=1&pageSize=25&sort=name'],
    ['county', 'county', '/api/actors?kind=public_library&pageSize=100&sort=name'],
    ['county', 'county', '/api/activities?page=1&pageSize=25&sort=-date'],
    ['county', 'county', '/api/activities/counts'],
    // The overview's last 30 days: what ended, newest ended first.
    ['county', 'county', `/api/activities?from=${monthAgo}&endedBefore=${today}&sort=-date&pageSize=5`],
    ['county', 'county', '/api/initiatives?pageSize=100&sort=title'],
    ['county', 'county', '/api/plan-items?pageSize=25'],
    ['county', 'county', '/api/mobility-counts?pageSize=100'],
    ['county', 'county', '/api/services?page=1&pageSize=25'],
    ['county', 'county', '/api/contacts?page=1&pageSize=25'],
    ['county', 'county', '/api/search?q=bibliotek'],
    ['county', 'county', '/api/audit?page=1&pageSize=25'],
    ['county', 'county', '/api/users?page=1&pageSize=25'],
    ['county', 'county', '/api/surveys?page=1&pageSize=25'],
    ['county', 'county', '/api/catchment-requests'],
    ['county', 'county', '/api/imports'],
    ['county', 'county', '/api/regions'],
    ['county', 'county', '/api/municipalities'],
    ['county', 'county', '/api/me'],
    // Study centre portal (a coordinator): its agreements, coverage, catchment, activities.
    ['centre', 'centre', '/api/agreements?page=1&pageSize=25&sort=title'],
    ['centre', 'centre', `/api/coverage?studyCentre=${centre}`],
    ['centre', 'centre', `/api/study-centres/${centre}/catchment-area`],
    ['centre', 'centre', `/api/study-centres/${centre}/catchment-requests`],
    ['centre', 'centre', `/api/study-centres/${centre}/brochure`],
    ['centre', 'centre', `/api/activities?from=${today}&sort=date&pageSize=5`],
    ['centre', 'centre', '/api/activities?page=1&pageSize=25&sort=-date'],
    ['centre', 'centre', '/api/actors?kind=public_library&pageSize=100&sort=name'],
    ['centre', 'centre', '/api/contacts?page=1&pageSize=25'],
    // Home: the agreements awaiting its answer, its plan items (as a partner), the inbox.
    ['centre', 'centre', '/api/agreement-acceptances?pageSize=5'],
    ['centre', 'centre', '/api/own-plan-items?pageSize=10'],
    ['centre', 'centre', '/api/inbox'],
    // University library liaison: libraries, notes, counts, activities.
    ['university', 'university', '/api/liaison/libraries?page=1&pageSize=25'],
    ['university', 'university', '/api/liaison/threads'],
    ['university', 'university', '/api/liaison/unread'],
    ['university', 'university', `/api/liaison/notes?university=${university}&pageSize=100`],
    ['university', 'university', '/api/liaison/student-counts?period=current'],
    ['university', 'university', '/api/liaison/needs?period=current'],
    ['university', 'university', '/api/liaison/activities?when=upcoming'],
    ['university', 'university', '/api/liaison/activities?when=past'],
    ['university', 'university', '/api/liaison/universities'],
    ['university', 'university', '/api/agreement-acceptances?pageSize=5'],
    ['university', 'university', '/api/inbox'],
    // Library portal (a library editor): its services, agreements, notes, activities.
    ['library', 'library', `/api/services?actor=${library}&includeBranches=true&pageSize=100`],
    ['library', 'library', `/api/actors?parent=${library}&pageSize=50`],
    ['library', 'library', '/api/agreements?status=negotiating&pageSize=25&sort=title'],
    ['library', 'library', '/api/liaison/threads?pageSize=10'],
    ['library', 'library', `/api/activities?from=${today}&sort=date&pageSize=5`],
    ['library', 'library', '/api/liaison/activities?when=past'],
    ['library', 'library', `/api/opening-hours/${library}`],
    ['library', 'library', '/api/photos'],
    // Home (libs/feature-library/src/home-data.ts): the latest channels, unread notes, coming activities, the open survey, tasks, inbox.
    ['library', 'library', '/api/liaison/threads?pageSize=5'],
    ['library', 'library', '/api/liaison/unread'],
    ['library', 'library', '/api/liaison/activities?when=upcoming'],
    ['library', 'library', '/api/survey-form/own'],
    ['library', 'library', '/api/agreement-acceptances?pageSize=5'],
    ['library', 'library', '/api/inbox'],
    // Anonymous: the open data API and the student finder's pages.
    ['public', 'anonymous', '/api/public/v1/libraries'],
    ['public', 'anonymous', `/api/public/v1/libraries/${library}`],
    ['public', 'anonymous', `/api/public/v1/services?region=${region}`],
    ['public', 'anonymous', '/api/public/v1/municipalities'],
    ['public', 'anonymous', '/api/public/v1/study-centres'],
    ['public', 'anonymous', `/api/public/v1/study-centres/${centre}`],
    ['public', 'anonymous', '/'],
    ['public', 'anonymous', '/finn/bibliotek/namsos-bibliotek'],
  ];
  return routes.map(([app, role, path]) => ({ app, role, path, route: `GET ${path.replace(region, '{region}').replace(centre, '{centre}').replace(university, '{university}').replace(library, '{library}').replace(monthAgo, '{monthAgo}').replace(inSixtyDays, '{inSixtyDays}').replace(today, '{today}')}` }));
}
