import { addDays, todayInNorway, type Coverage } from '@kompetansebro/domain';
import {
  agreementCountsHandler,
  buildActivityDetail,
  buildAgreementDetail,
  buildPlanItemDetail,
  mswServer,
  PlanItemStore,
  planItemHandlers,
  problemResponse,
  referenceHandlers,
  regionCoveragesHandler,
  renderRoute,
  testRegions,
} from '@kompetansebro/testing';
import { createRoute } from '@tanstack/react-router';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { OverviewPage } from '../overview-page';

const today = todayInNorway();
const statusCounts = { draft: 1, negotiating: 2, active: 5, expiring: 1 };
const expiring = buildAgreementDetail({ title: 'Fjernlånsavtale Fosen', status: 'expiring', endDate: addDays(today, 20) });
const unmet = buildAgreementDetail({ title: 'Samarbeidsavtale Orkland', status: 'active', endDate: addDays(today, 400) });
/** The county's setting: an agreement is expiring 60 days before its end (not the default 90). */
const settingsHandler = http.get('*/api/agreement-settings', () => HttpResponse.json({ expiringDays: 60, version: 2 }));

function coverageOf(covered: number, total: number, gaps: string[]): Coverage {
  return {
    studyCentres: [],
    municipalities: [],
    gaps: { municipalities: gaps.map((name, i) => ({ number: `50${i}`, name })), libraries: [] },
    summary: { municipalities: total, coveredMunicipalities: covered, libraries: total, coveredLibraries: covered, share: total === 0 ? 0 : covered / total },
  };
}

const regions = [testRegions.trondheim, testRegions.namdal, testRegions.fosen];
const coverageByRegion: Record<string, Coverage> = {
  [testRegions.trondheim.id]: coverageOf(1, 1, []),
  [testRegions.namdal.id]: coverageOf(1, 2, ['Flatanger']),
  [testRegions.fosen.id]: coverageOf(0, 1, ['Åfjord']),
};

const page = (items: unknown[], total = items.length) => ({ items, total, page: 1, pageSize: 25 });

/** The API behind the overview; `failing` makes one source answer 500. */
function overviewHandlers({ failing }: { failing?: 'coverage' | 'agreements' } = {}) {
  const [overdue, soon] = [
    buildPlanItemDetail({ title: 'Avtale med Fosen studiesenter', dueDate: addDays(today, -3), status: 'in_progress', responsibleActorName: 'Fosen studiesenter' }),
    buildPlanItemDetail({ title: 'Webinar om fjernlån', dueDate: addDays(today, 30) }),
  ];
  const plan = new PlanItemStore([
    overdue,
    soon,
    buildPlanItemDetail({ title: 'Ferdig punkt', dueDate: addDays(today, 5), status: 'done' }),
    buildPlanItemDetail({ title: 'Langt fram', dueDate: addDays(today, 200) }),
  ]).listFor({ open: 'true', dueBefore: addDays(today, 60) }, [overdue, soon]);
  const coming = buildActivityDetail({ title: 'Samling for bibliotekene i Namdal', startDate: addDays(today, 10) });
  const recent = buildActivityDetail({ title: 'Webinar: Fjernlån i praksis', startDate: addDays(today, -5) });
  mswServer.use(
    settingsHandler,
    ...referenceHandlers(),
    ...planItemHandlers(plan),
    failing === 'agreements' ? http.get('*/api/agreements/counts', () => problemResponse(500)) : agreementCountsHandler(statusCounts),
    http.get('*/api/agreements', ({ request }) => {
      if (failing === 'agreements') return problemResponse(500);
      const search = new URL(request.url).searchParams;
      if (search.get('endingWithinDays') === '60') return HttpResponse.json(page([{ ...expiring, documents: undefined, unmetCommitments: 0 }]));
      if (search.get('commitments') === 'unmet') return HttpResponse.json(page([{ ...unmet, documents: undefined, unmetCommitments: 2 }]));
      return problemResponse(400);
    }),
    failing === 'coverage' ? http.get('*/api/coverage/regions', () => problemResponse(500)) : regionCoveragesHandler(regions, coverageByRegion),
    http.get('*/api/activities', ({ request }) => {
      const from = new URL(request.url).searchParams.get('from') ?? '';
      return HttpResponse.json(page(from === today ? [coming] : [recent]));
    }),
  );
  return { plan };
}

function renderOverview() {
  return renderRoute({
    path: '/',
    createRoutes: (root) => [createRoute({ getParentRoute: () => root, path: '/', component: OverviewPage })],
  });
}

const section = (name: string) => screen.getByRole('region', { name });

describe('OverviewPage', () => {
  it('shows each section with its figures and links', async () => {
    const { plan } = overviewHandlers();
    const asked: string[] = [];
    const record = ({ request }: { request: Request }) => void asked.push(new URL(request.url).pathname);
    mswServer.events.on('request:start', record);
    renderOverview();

    await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 5000 });
    // Agreements by status: a count per status, each linking to the filtered list.
    const status = section('Avtaler etter status');
    await within(status).findByText('Til sammen 9 avtaler.', {}, { timeout: 5000 });
    const active = within(status).getByRole('link', { name: 'Aktiv: 5 avtaler' });
    expect(active.getAttribute('href')).toBe('/avtaler?status=active');

    // Expiring within the county's setting (60 days): title linked, parties, end date.
    const expiringSection = await screen.findByRole('region', { name: 'Avtaler som utløper innen 60 dager' });
    const link = await within(expiringSection).findByRole('link', { name: 'Fjernlånsavtale Fosen' });
    expect(link.getAttribute('href')).toBe(`/avtaler/${expiring.id}`);
    expect(within(expiringSection).getByText('Namdal studiesenter, Namsos bibliotek')).toBeTruthy();

    // Commitments no longer met: the agreement linked, with how many of its services.
    const unmetSection = section('Avtaler med forpliktelser som ikke holdes');
    expect((await within(unmetSection).findByRole('link', { name: 'Samarbeidsavtale Orkland' })).getAttribute('href')).toBe(`/avtaler/${unmet.id}`);
    expect(within(within(unmetSection).getByRole('row', { name: /Orkland/ })).getByText('2 tjenester')).toBeTruthy();

    // Coverage: a share per region in the table alternative, with gaps and a link per region.
    const coverage = section('Dekning per region');
    const namdalRow = await within(coverage).findByRole('row', { name: /Namdal/ });
    expect(within(namdalRow).getByText('50 % (1 av 2)')).toBeTruthy();
    const gaps = within(coverage).getByRole('list', { name: 'Kommuner uten avtale' });
    const namdalGaps = within(gaps).getByText('Namdal:').closest('li') as HTMLElement;
    expect(namdalGaps.textContent).toContain('Flatanger');
    expect(within(namdalGaps).getByRole('link', { name: 'Se dekningen i Namdal' }).getAttribute('href')).toBe(`/dekning?region=${testRegions.namdal.id}`);
    expect((within(gaps).getByText('Trondheim:').closest('li') as HTMLElement).textContent).toContain('Ingen');

    // Activities: coming and recent, linked.
    const activities = section('Aktiviteter');
    expect((await within(activities).findByRole('link', { name: 'Samling for bibliotekene i Namdal' })).getAttribute('href')).toMatch(/^\/aktiviteter\//);
    expect(within(activities).getByRole('link', { name: 'Webinar: Fjernlån i praksis' })).toBeTruthy();

    // Plan items: open ones due within 60 days or overdue, soonest first; overdue said in text.
    const planSection = section('Planpunkter med frist snart');
    await within(planSection).findByText('Webinar om fjernlån');
    const titles = within(planSection).getAllByRole('rowheader').map((cell) => cell.firstChild?.textContent);
    expect(titles).toEqual(['Avtale med Fosen studiesenter', 'Webinar om fjernlån']);
    const overdueRow = within(planSection).getByRole('row', { name: /Avtale med Fosen/ });
    expect(within(overdueRow).getByText('Tiltak: Regionale kompetanseaktører og folkebibliotekenes rolle')).toBeTruthy();
    expect(within(overdueRow).getByText('Ansvarlig: Fosen studiesenter')).toBeTruthy();
    expect(within(overdueRow).getByText('Status: Pågår')).toBeTruthy();
    expect(within(within(planSection).getByRole('row', { name: /Avtale med Fosen/ })).getByText('Forfalt')).toBeTruthy();
    expect(plan.queries.at(-1)?.get('open')).toBe('true');
    expect(plan.queries.at(-1)?.get('dueBefore')).toBe(addDays(today, 60));

    // The counts and the coverage of every region, each in one answer.
    mswServer.events.removeListener('request:start', record);
    expect(asked.filter((path) => path === '/api/agreements/counts')).toHaveLength(1);
    expect(asked.filter((path) => path === '/api/coverage/regions')).toHaveLength(1);
    expect(asked.filter((path) => path === '/api/coverage' || path === '/api/regions')).toEqual([]);
  });

  it('keeps the other sections when one source fails, and offers a retry in that section', async () => {
    overviewHandlers({ failing: 'coverage' });
    const { user } = renderOverview();
    await screen.findByRole('heading', { level: 1, name: 'Oversikt' }, { timeout: 5000 });

    const coverage = section('Dekning per region');
    await within(coverage).findByRole('heading', { level: 3, name: 'Noe gikk galt' }, { timeout: 5000 });
    expect(within(coverage).getByRole('button', { name: 'Prøv igjen' })).toBeTruthy();
    expect(within(coverage).queryByRole('table')).toBeNull();

    await within(section('Avtaler etter status')).findByText('Til sammen 9 avtaler.');
    await within(section('Planpunkter med frist snart')).findByText('Webinar om fjernlån');
    expect(screen.getAllByRole('heading', { name: 'Noe gikk galt' })).toHaveLength(1);

    // The source comes back: the retry shows the figures.
    overviewHandlers();
    await user.click(screen.getByRole('button', { name: 'Prøv igjen' }));
    await within(coverage).findByRole('row', { name: /Namdal/ });
    await waitFor(() => expect(within(coverage).queryByRole('heading', { name: 'Noe gikk galt' })).toBeNull());
  });

  it('says so when there is nothing to show', async () => {
    mswServer.use(
      settingsHandler,
      ...referenceHandlers(),
      ...planItemHandlers(new PlanItemStore()),
      agreementCountsHandler({}),
      http.get('*/api/agreements', () => HttpResponse.json(page([], 0))),
      regionCoveragesHandler([], {}),
      http.get('*/api/activities', () => HttpResponse.json(page([]))),
    );
    renderOverview();
    await screen.findByRole('heading', { level: 3, name: 'Det er ingen avtaler ennå.' }, { timeout: 5000 });
    await screen.findByRole('heading', { level: 3, name: 'Det er ingen regioner å vise.' });
    await screen.findByRole('heading', { level: 3, name: 'Ingen gjeldende avtaler utløper de neste 60 dagene.' });
    await screen.findByRole('heading', { level: 3, name: 'Alle forpliktelser i gjeldende avtaler er oppfylt.' });
    await screen.findByRole('heading', { level: 3, name: 'Ingen åpne planpunkter har frist de neste 60 dagene.' });
    expect(screen.getByText('Ingen aktiviteter er lagt inn fremover.')).toBeTruthy();
    expect(screen.getByText('Ingen aktiviteter de siste 30 dagene.')).toBeTruthy();
  });
});
