import { describe, expect, it } from 'vitest';
import type { InitiativeDetail, PlanItemDetail } from '../initiative/initiative.schema';
import { activitySeries, buildFunderReport, reportFileName, reportQuerySchema, type ReportActivityInput } from './funder-report';
import { norwegianDate, norwegianKroner, norwegianList, norwegianSeason } from './norwegian-format';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

function planItem(n: number, title: string, status: PlanItemDetail['status'], dueDate: string | null = null): PlanItemDetail {
  return {
    id: uuid(100 + n),
    initiativeId: uuid(1),
    position: n,
    title,
    description: null,
    responsibleActorId: uuid(50),
    responsibleActorName: 'Namdal studiesenter',
    dueDate,
    status,
    activityIds: [],
    agreementIds: [],
    resultText: null,
    activities: [],
    agreements: [],
    initiativeTitle: 'NB',
    version: 1,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
  };
}

const initiative: InitiativeDetail = {
  id: uuid(1),
  kind: 'project',
  title: 'Regionale kompetanseaktører og folkebibliotekenes rolle',
  description: null,
  parentId: null,
  ownerId: uuid(2),
  funderId: uuid(3),
  budget: { granted: 1_500_000, spent: 1_085_400 },
  startDate: '2023-06-01',
  plannedEndDate: '2025-06-30',
  extensions: [
    { id: uuid(10), askedOn: '2025-03-03', requestedEnd: '2026-06-30', status: 'granted', decidedOn: '2025-04-22', note: null },
    { id: uuid(11), askedOn: '2026-01-28', requestedEnd: '2027-06-30', status: 'asked', decidedOn: null, note: 'Det søkes ikke om flere midler.' },
  ],
  goals: [{ id: uuid(20), text: 'Tettere samarbeid med kompetanseaktørene' }],
  policyAnchors: [],
  themes: [],
  levels: [],
  maturityLevel: null,
  sampleData: false,
  version: 1,
  createdAt: '2023-06-01T00:00:00Z',
  updatedAt: '2026-01-28T00:00:00Z',
  parentTitle: null,
  ownerName: 'Trøndelag fylkesbibliotek',
  funderName: 'Nasjonalbiblioteket',
  currentEndDate: '2026-06-30',
  remainingFunds: 414_600,
  planItemCount: 3,
  planItems: [
    planItem(1, 'Brosjyremateriell', 'done'),
    planItem(2, 'Samarbeidsavtale med Fosen studiesenter', 'planned', '2027-03-31'),
    planItem(3, 'Samarbeidsavtale med Namdal studiesenter', 'in_progress', '2026-12-31'),
    planItem(4, 'Droppet tiltak', 'dropped'),
  ],
  children: [],
};

const webinarDates = ['2023-09-14', '2023-10-19', '2023-11-23', '2024-01-25', '2024-03-14', '2024-05-23', '2024-09-19', '2024-10-24', '2024-11-21', '2025-02-13', '2025-04-10', '2025-06-05'];
const activity = (n: number, kind: string, startDate: string, extra: Partial<ReportActivityInput> = {}): ReportActivityInput => ({
  id: uuid(200 + n),
  kind: kind as ReportActivityInput['kind'],
  title: `Aktivitet ${n}`,
  startDate,
  endDate: null,
  outcome: null,
  links: [],
  organiserName: 'Trøndelag fylkesbibliotek',
  totalHeadCount: 10,
  ...extra,
});
const activities: ReportActivityInput[] = [
  ...webinarDates.map((date, i) => activity(i, 'webinar', date)),
  activity(20, 'webinar', '2026-02-03', { title: 'Erfaringsutveksling om fjernlån', outcome: 'God deltakelse fra folkebibliotek, Nord universitet og NTNU.' }),
  activity(21, 'publication', '2024-08-15', { title: 'Brosjyre om tjenester til studerende' }),
  activity(22, 'photography', '2025-08-15', {
    endDate: '2025-11-30',
    title: 'Fotografering av alle hovedbibliotekene',
    links: [{ kind: 'mediebank', label: 'KS Mediebank', url: 'https://www.ks.no/' }],
  }),
];
const agreements = [
  { id: uuid(300), title: 'Avtale Trøndelag sør', startDate: '2024-01-01', endDate: null, status: 'active' as const, parties: [{ actorName: 'Studiesenter Trøndelag sør' }, { actorName: 'Oppdal bibliotek' }] },
];

const text = (report: ReturnType<typeof buildFunderReport>) =>
  plain(
    [report.document.title, report.document.subtitle, ...report.document.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.type === 'list' ? b.items : [b.caption, ...b.columns, ...b.rows.flat()]))])].join('\n'),
  );

describe('Norwegian formatting', () => {
  it('writes dates, seasons, kroner and lists as a Norwegian reader expects', () => {
    expect(norwegianDate('2026-02-03')).toBe('3. februar 2026');
    expect(norwegianSeason('2027-06-30')).toBe('sommeren 2027');
    expect(norwegianSeason('2023-09-14')).toBe('høsten 2023');
    expect(norwegianSeason('2025-04-10')).toBe('våren 2025');
    expect(norwegianSeason('2026-01-28')).toBe('vinteren 2026');
    expect(plain(norwegianKroner(1_250_000))).toBe('1 250 000 kr');
    expect(plain(norwegianKroner(320_500.5))).toBe('320 500,50 kr');
    expect(plain(norwegianKroner(999))).toBe('999 kr');
    expect(norwegianList(['a', 'b', 'c'])).toBe('a, b og c');
  });
});

describe('the funder report', () => {
  const report = buildFunderReport({ initiative, activities, agreements, query: {}, today: '2026-11-22' });

  it('runs from the start to today when no period is given', () => {
    expect(report.period).toEqual({ from: '2023-06-01', to: '2026-11-22' });
  });

  it('tells the 12 webinars as one series and the interlibrary-loan webinar by its date', () => {
    const all = text(report);
    expect(all).toContain('12 webinarer fra høsten 2023 til sommeren 2025.');
    expect(all).toContain('Webinar 3. februar 2026: «Erfaringsutveksling om fjernlån». God deltakelse');
    expect(report.counts).toContainEqual({ kind: 'webinar', label: 'Webinarer', count: 13 });
    expect(report.counts).toContainEqual({ kind: 'agreement', label: 'Avtale', count: 1 });
  });

  it('lists the materials with their links and the agreements with their parties', () => {
    const all = text(report);
    expect(all).toContain('Fotografering høsten 2025: «Fotografering av alle hovedbibliotekene». Lenke: KS Mediebank (https://www.ks.no/).');
    expect(all).toContain('Publikasjon 15. august 2024: «Brosjyre om tjenester til studerende».');
    expect(all).toContain('Avtale: «Avtale Trøndelag sør» (Studiesenter Trøndelag sør og Oppdal bibliotek, fra 1. januar 2024).');
  });

  it('asks for the new end and states funds and period', () => {
    const all = text(report);
    expect(report.askedEnd).toBe('2027-06-30');
    expect(all).toContain('Vi søker om forlengelse av prosjektperioden fram til sommeren 2027 (30. juni 2027).');
    expect(all).toContain('414 600 kr i gjenstående midler');
    expect(report.funds).toEqual({ granted: 1_500_000, spent: 1_085_400, remaining: 414_600 });
    expect(all).toContain('Den innvilgede prosjektperioden gikk ut 30. juni 2026, og søknaden om forlengelse er ikke avgjort.');
    const inFebruary = buildFunderReport({ initiative, activities, agreements, query: {}, today: '2026-02-10' });
    expect(text(inFebruary)).toContain('Prosjektet pågår, med avslutning sommeren 2026 (30. juni 2026). Det er søkt om forlengelse til sommeren 2027 (30. juni 2027).');
    expect(all).toContain('Prosjektet fikk forlengelse til sommeren 2026 (30. juni 2026), innvilget 22. april 2025.');
  });

  it('puts open plan items ahead, soonest due first, and done ones among the results', () => {
    expect(report.planAhead.map((p) => p.title)).toEqual(['Samarbeidsavtale med Namdal studiesenter', 'Samarbeidsavtale med Fosen studiesenter']);
    expect(report.completed.map((p) => p.title)).toEqual(['Brosjyremateriell']);
    const plan = report.document.sections.find((s) => s.heading === 'Planen videre');
    expect(plan?.blocks).toContainEqual(expect.objectContaining({ rows: expect.arrayContaining([['Samarbeidsavtale med Namdal studiesenter', 'Namdal studiesenter', '31. desember 2026', 'Pågår']]) }));
  });

  it('keeps to the period: activities outside it are left out', () => {
    const early = buildFunderReport({ initiative, activities, agreements, query: { from: '2024-01-01', to: '2024-06-30' }, today: '2026-11-22' });
    expect(early.activities.map((a) => a.startDate)).toEqual(['2024-01-25', '2024-03-14', '2024-05-23']);
    expect(text(early)).toContain('3 webinarer fra vinteren 2024 til våren 2024.');
    expect(early.agreements).toHaveLength(1);
    const before = buildFunderReport({ initiative, activities, agreements, query: { from: '2023-06-01', to: '2023-12-31' }, today: '2026-11-22' });
    expect(before.agreements).toEqual([]);
  });

  it('says so when the period holds nothing, and names no extension when none is asked', () => {
    const quiet = buildFunderReport({
      initiative: { ...initiative, extensions: [], planItems: [], budget: null },
      activities: [],
      agreements: [],
      query: { from: '2023-06-01', to: '2023-07-01' },
      today: '2026-11-22',
    });
    const all = text(quiet);
    expect(all).toContain('Ingen aktiviteter eller avtaler er registrert i perioden.');
    expect(all).toContain('Ingen åpne tiltak i planen.');
    expect(all).toContain('Det er ikke registrert midler for prosjektet.');
    expect(quiet.askedEnd).toBeNull();
    expect(quiet.document.sections.map((s) => s.heading)).not.toContain('Søknad om forlengelse');
  });
});

describe('series of activities', () => {
  it('starts a new series after a long break', () => {
    const series = activitySeries([{ startDate: '2025-06-05' }, { startDate: '2023-09-14' }, { startDate: '2026-02-03' }, { startDate: '2024-01-25' }]);
    expect(series.map((s) => s.map((a) => a.startDate))).toEqual([['2023-09-14', '2024-01-25'], ['2025-06-05'], ['2026-02-03']]);
  });
});

describe('the report query', () => {
  it('refuses a period that ends before it starts, naming the field', () => {
    const result = reportQuerySchema.safeParse({ from: '2026-01-01', to: '2025-01-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['to']);
    expect(reportQuerySchema.safeParse({ from: '2026-13-01' }).success).toBe(false);
    expect(reportQuerySchema.safeParse({ from: '2025-01-01', to: '2025-01-01' }).success).toBe(true);
  });

  it('names the file after the initiative and the period’s end', () => {
    expect(reportFileName({ title: 'Regionale kompetanseaktører og folkebibliotekenes rolle', period: { from: '2023-06-01', to: '2026-11-22' } }, 'pdf')).toBe(
      'rapport-regionale-kompetanseaktorer-og-folkebibliotekenes-rolle-2026-11-22.pdf',
    );
  });
});
