import { describe, expect, it } from 'vitest';
import { loadSampleData, sampleId } from '@kompetansebro/db';
import {
  compareNorwegian,
  type InitiativeDetail,
  type InitiativeSummary,
  type MobilityCount,
  type Page,
  type PlanItemDetail,
} from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { countRows, creatorOf, expectDisjoint, expectFieldRefused, expectIdChecked, expectQueryRefused, expectXlsx, getJson, listOf, problemOf, testServer, UNKNOWN_ID } from '../testing/fixture.test';

const server = testServer();

const NB_PROJECT = sampleId('initiative', 'regional-competence-actors');
const UNIVERSITY_MUNICIPALITY = sampleId('initiative', 'universitetskommune');
const IHP = sampleId('initiative', 'ihp');
const MEASURE_3 = sampleId('initiative', 'ihp-measure-3');
const COUNTY = sampleId('actor', 'county');
const COUNTY_LIBRARY = sampleId('actor', 'county-library');
const NB = sampleId('actor', 'nb');
const NTNU = sampleId('actor', 'ntnu');
const TRONDHEIM_MUNICIPALITY = sampleId('actor', 'trondheim-municipality');
const INTERLIBRARY_LOAN_WEBINAR = sampleId('activity', 'webinar-interlibrary-loan-2026');

const getInitiative = (id: string) => getJson<InitiativeDetail>(server, `/api/initiatives/${id}`);
const listInitiatives = listOf<InitiativeSummary>(server, '/api/initiatives');



const validInitiative = {
  kind: 'project',
  title: 'Testprosjekt for studieplasser',
  ownerId: COUNTY_LIBRARY,
  funderId: NB,
  budget: { granted: 200_000, spent: 50_000.5 },
  startDate: '2030-01-01',
  plannedEndDate: '2030-12-31',
  extensions: [{ askedOn: '2030-10-01', requestedEnd: '2031-06-30', status: 'asked' }],
  goals: [{ text: 'Flere studieplasser i bibliotekene' }],
  policyAnchors: [{ title: 'Kompetansestrategi for Trøndelag', level: 'regional' }],
  themes: ['library_services_for_students'],
  levels: ['practical'],
};

const createInitiative = creatorOf<InitiativeDetail>(server, '/api/initiatives', validInitiative);

describe('the seed facts, through the API', () => {
  it('has the NB-funded project with its period, extensions and remaining funds (seed 000)', async () => {
    const response = await server.request(`/api/initiatives/${NB_PROJECT}`);
    expect(response.headers.get('etag')).toBe('"1"');
    const project = (await response.json()) as InitiativeDetail;
    expect(project).toMatchObject({
      kind: 'project',
      title: 'Regionale kompetanseaktører og folkebibliotekenes rolle',
      ownerId: COUNTY_LIBRARY,
      ownerName: 'Trøndelag fylkesbibliotek',
      funderId: NB,
      funderName: 'Nasjonalbiblioteket',
      startDate: '2023-06-01',
      plannedEndDate: '2025-06-30',
      currentEndDate: '2026-06-30',
      sampleData: true,
    });
    expect(project.extensions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ requestedEnd: '2026-06-30', status: 'granted' }),
        expect.objectContaining({ requestedEnd: '2027-06-30', status: 'asked', askedOn: '2026-01-28', decidedOn: null }),
      ]),
    );
    expect(project.remainingFunds).toBeGreaterThan(0);
    expect(project.remainingFunds).toBe((project.budget?.granted ?? 0) - (project.budget?.spent ?? 0));
    expect(project.description).toContain('Eksempeldata');
    expect(project.goals.length).toBeGreaterThan(0);
  });

  it('has a plan item for every point of the plan ahead, with responsible actors', async () => {
    const project = await getInitiative(NB_PROJECT);
    const titles = project.planItems.map((i) => i.title);
    const planPoints = [
      /Namdal studiesenter.*folkebibliotek/,
      /Fosen studiesenter.*folkebibliotek/,
      /Karrieresenteret.*folkebibliotek/,
      /varige samarbeidskanaler.*Nord universitet\/NTNU/,
      /Nord universitet \(Namsos\)/,
      /videregående skoler/,
      /kontor- og studieplass/,
      /Bygdevekstavtalenes handlingsplaner/,
      /kunnskapsgrunnlag.*regional plan for kompetanse/i,
      /markedsføring av bibliotekenes tjenester til studenter/,
    ];
    for (const point of planPoints) {
      const item = project.planItems.find((i) => point.test(i.title));
      expect(item, `${point} in ${titles.join(' | ')}`).toBeDefined();
      expect(item?.responsibleActorName).toBeTruthy();
      expect(['planned', 'in_progress']).toContain(item?.status);
    }
    const positions = project.planItems.map((i) => i.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(project.planItemCount).toBe(project.planItems.length);
  });

  it('links the results: the Trøndelag sør/sørvest agreements, the 13 webinars, the survey in progress', async () => {
    const project = await getInitiative(NB_PROJECT);
    const agreements = project.planItems.find((i) => /Trøndelag sørvest og Trøndelag sør/.test(i.title));
    expect(agreements).toMatchObject({ status: 'done' });
    expect(agreements?.agreementIds).toEqual([sampleId('agreement', 'trondelag-sorvest'), sampleId('agreement', 'trondelag-sor')]);
    // Resolved to their titles (the agreements come from the agreements' sample data).
    expect(agreements?.agreements.map((a) => a.id)).toEqual(agreements?.agreementIds);
    expect(agreements?.agreements.every((a) => /Trøndelag sør/.test(a.title))).toBe(true);
    const webinars = project.planItems.find((i) => i.activityIds.includes(INTERLIBRARY_LOAN_WEBINAR));
    expect(webinars?.activityIds).toHaveLength(13);
    expect(webinars?.activities).toHaveLength(13);
    expect(webinars?.activities.map((a) => a.title)).toContain('Erfaringsutveksling om fjernlån');
    const survey = project.planItems.find((i) => /Samle informasjon fra hvert bibliotek/.test(i.title));
    expect(survey?.status).toBe('in_progress');
    const photography = project.planItems.find((i) => /Fotografering/.test(i.title));
    expect(photography?.activities.map((a) => a.id)).toEqual([sampleId('activity', 'photography-main-libraries-2025')]);
  });

  it('has Universitetskommune 3.0 with maturity 3.0, its three goals, levels, themes and policy signals (seed 001)', async () => {
    const partnership = await getInitiative(UNIVERSITY_MUNICIPALITY);
    expect(partnership).toMatchObject({ title: 'Universitetskommune 3.0', maturityLevel: '3.0', ownerId: TRONDHEIM_MUNICIPALITY });
    expect(partnership.levels.sort()).toEqual(['practical', 'strategic', 'tactical']);
    expect(partnership.themes.sort()).toEqual(['health_welfare', 'innovation', 'smart_city', 'upbringing_education', 'urban_development']);
    expect(partnership.goals).toHaveLength(3);
    expect(partnership.goals.map((g) => g.text)).toEqual([
      expect.stringMatching(/^Sikre tilgang på relevant og oppdatert kunnskap/),
      expect.stringMatching(/^Etablere en arena for forskningsbasert utdanning/),
      expect.stringMatching(/^Etablere en ny modell for kontinuerlig toveis/),
    ]);
    expect(partnership.description).toMatch(/Lokal modell → nasjonal pilot → grunnlag for forskrift/i);
    expect(partnership.policyAnchors.map((a) => a.period).sort()).toEqual(['2017', '2018', '2018', '2020']);
    expect(partnership.policyAnchors.some((a) => a.title.includes('Kommuneproposisjonen 2020'))).toBe(true);
    const done = partnership.planItems.filter((i) => i.status === 'done').map((i) => i.title).join(' | ');
    for (const collaboration of ['Fysioprim', 'Trondheim helseklynge', 'helse og velferd', 'NTNU/Trondheim kommune']) expect(done).toContain(collaboration);
    expect(partnership.planItems.filter((i) => i.dueDate === '2023-12-31')).toHaveLength(5);
    expect(partnership.planItems.some((i) => i.responsibleActorId === NTNU)).toBe(true);
  });

  it('has the IHP with its three measures and policy anchors at four levels, with the seed’s addresses (seed 002)', async () => {
    const programme = await getInitiative(IHP);
    expect(programme).toMatchObject({ kind: 'programme', ownerId: COUNTY, ownerName: 'Trøndelag fylkeskommune' });
    expect(programme.children).toHaveLength(3);
    expect(programme.children.every((c) => c.kind === 'measure')).toBe(true);
    const measures = await listInitiatives(`parent=${IHP}`);
    expect(measures.total).toBe(3);
    expect(measures.items.map((m) => m.title).sort()).toEqual([
      'Tiltak 1: Kompetansebygging i regionen',
      'Tiltak 2: Internasjonalisering for skoleutvikling',
      'Tiltak 3: Mobilitet i utdanningen',
    ]);
    expect(measures.items.every((m) => m.parentTitle === programme.title && m.goals.length >= 2)).toBe(true);

    const anchors = programme.policyAnchors;
    expect(new Set(anchors.map((a) => a.level))).toEqual(new Set(['eu', 'national', 'regional', 'local']));
    const urls = anchors.map((a) => a.url);
    for (const url of [
      'http://europa.eu/rapid/press-release_MEMO-04-293_en.pdf',
      'https://ec.europa.eu/growth/smes/promoting-entrepreneurship/action-plan_en',
      'http://ec.europa.eu/dgs/education_culture/repository/education/policy/vocational-policy/doc/brugescom_en.pdf',
      'http://ec.europa.eu/dgs/education_culture/repository/education/policy/vocational-policy/doc/2015-riga-conclusions',
      'https://www.siu.no/publikasjoner/Alle-publikasjoner/nasjonal-handlingsplan-for-norsk-deltakelse-i-utdanningsdelen-av-erasmus',
      'https://www.fn.no/Om-FN/FNs-baerekraftsmaal',
      'https://www.regjeringen.no/contentassets/e8e1f41732ca4a64b003fca213ae663b/no/pdfs/stm201520160028000dddpdfs.pdf',
    ]) {
      expect(urls).toContain(url);
    }
    const byTitle = (text: string) => anchors.find((a) => a.title.includes(text));
    expect(byTitle('København')).toMatchObject({ level: 'eu', period: '2002' });
    expect(byTitle('Maastricht')).toMatchObject({ level: 'eu', period: '2004' });
    expect(byTitle('Bruges')).toMatchObject({ level: 'eu', period: '2011–2020' });
    expect(byTitle('Riga')).toMatchObject({ level: 'eu', period: '2015' });
    expect(byTitle('Entrepreneurship 2020')).toMatchObject({ level: 'eu' });
    for (const whitePaper of ['Meld. St. 11', 'Meld. St. 14', 'Meld. St. 19', 'Meld. St. 20 (2011', 'Meld. St. 20 (2012', 'Meld. St. 21', 'Meld. St. 28']) {
      expect(byTitle(whitePaper)?.url, whitePaper).toMatch(/^https:\/\/www\.regjeringen\.no\//);
    }
    expect(byTitle('Trøndelagsplanen')).toMatchObject({ level: 'regional', period: '2019–2030' });
    expect(byTitle('Kompetansestrategi for Trøndelag')?.level).toBe('regional');
    expect(byTitle('Internasjonal strategi på skolen')?.level).toBe('local');
  });

  it('has mobility counts (counts only) for the mobility measure, flagged as sample data', async () => {
    const page = await getJson<Page<MobilityCount>>(server, `/api/mobility-counts?initiative=${MEASURE_3}`);
    expect(page.total).toBe(8);
    expect(page.items.every((m) => m.sampleData && m.initiativeTitle === 'Tiltak 3: Mobilitet i utdanningen')).toBe(true);
    expect(Object.keys(page.items[0] ?? {}).sort()).toEqual(
      ['actorId', 'actorName', 'category', 'count', 'id', 'initiativeId', 'initiativeTitle', 'sampleData', 'schoolYear'].sort(),
    );
    const year = await getJson<Page<MobilityCount>>(server, '/api/mobility-counts?schoolYear=2024/25');
    expect(year.items.map((m) => m.category).sort()).toEqual(['apprentice', 'instructor', 'pupil', 'teacher']);
  });
});

describe('loading the sample data again', () => {
  it('adds no activity, initiative, plan item or mobility count', async () => {
    const before = await Promise.all([countRows(server, 'initiative'), countRows(server, 'plan_item'), countRows(server, 'mobility_count')]);
    const result = await loadSampleData(server.database.db);
    expect(result).toMatchObject({ activities: 0, initiatives: 0 });
    expect(await Promise.all([countRows(server, 'initiative'), countRows(server, 'plan_item'), countRows(server, 'mobility_count')])).toEqual(before);
  });
});

describe('GET /api/initiatives', () => {
  it('filters by kind, owner and parent', async () => {
    const measures = await listInitiatives('kind=measure');
    expect(measures.items.every((i) => i.kind === 'measure')).toBe(true);
    expect(measures.total).toBeGreaterThanOrEqual(3);
    const byCounty = await listInitiatives(`owner=${COUNTY}`);
    expect(byCounty.items.map((i) => i.id)).toContain(IHP);
    expect(byCounty.items.every((i) => i.ownerId === COUNTY)).toBe(true);
    expect((await listInitiatives(`parent=${UNKNOWN_ID}`)).total).toBe(0);
  });

  it('searches title and description', async () => {
    expect((await listInitiatives('q=folkebibliotekenes')).items.map((i) => i.id)).toContain(NB_PROJECT);
    expect((await listInitiatives('q=Universitetskommune')).items.map((i) => i.id)).toContain(UNIVERSITY_MUNICIPALITY);
  });

  it('sorts by title in Norwegian order, and by start', async () => {
    const page = await listInitiatives('pageSize=100');
    const titles = page.items.map((i) => i.title);
    expect(titles).toEqual([...titles].sort(compareNorwegian));
    const byStart = await listInitiatives('sort=start&pageSize=100');
    const starts = byStart.items.map((i) => i.startDate).filter((d): d is string => d !== null);
    expect(starts).toEqual([...starts].sort());
  });

  it('pages without overlap', async () => {
    const first = await listInitiatives('pageSize=2&page=1');
    const second = await listInitiatives('pageSize=2&page=2');
    expect(first.items).toHaveLength(2);
    expectDisjoint(first, second);
  });

  it('answers 400 naming the parameter for bad query values', async () => {
    await expectQueryRefused(server, '/api/initiatives', ['kind=castle', 'owner=abc', 'sort=colour', 'page=0']);
  });
});

describe('GET /api/initiatives/export', () => {
  it('exports CSV with derived figures', async () => {
    const response = await server.request(`/api/initiatives/export?format=csv&owner=${COUNTY_LIBRARY}&kind=project`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="initiativer-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (await response.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    const header = lines[0]?.split(';') ?? [];
    expect(header.slice(0, 3)).toEqual(['Tittel', 'Type', 'Del av']);
    const project = lines.find((line) => line.startsWith('Regionale kompetanseaktører'))?.split(';') ?? [];
    expect(project[header.indexOf('Gjeldende slutt')]).toBe('2026-06-30');
    expect(Number(project[header.indexOf('Gjenstående midler')])).toBeGreaterThan(0);
  });

  it('exports XLSX and refuses an unknown format', async () => {
    await expectXlsx(await server.request('/api/initiatives/export?format=xlsx'));
    expect((await server.request('/api/initiatives/export?format=doc')).status).toBe(400);
  });
});

describe('GET /api/initiatives/:id', () => {
  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    await expectIdChecked(server, '/api/initiatives', 'nope');
  });
});

describe('POST /api/initiatives', () => {
  it('creates an initiative with its first plan items, gives list entries ids, and writes an audit entry', async () => {
    const auditBefore = await countRows(server, 'audit_entry');
    const response = await server.request(
      '/api/initiatives',
      jsonBody('POST', {
        ...validInitiative,
        planItems: [
          { title: 'Kartlegge behov', status: 'done', activityIds: [INTERLIBRARY_LOAN_WEBINAR] },
          { title: 'Inngå avtaler', responsibleActorId: COUNTY_LIBRARY, dueDate: '2030-06-30' },
        ],
      }),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('etag')).toBe('"1"');
    const created = (await response.json()) as InitiativeDetail;
    expect(response.headers.get('location')).toBe(`/api/initiatives/${created.id}`);
    expect(created).toMatchObject({
      ownerName: 'Trøndelag fylkesbibliotek',
      funderName: 'Nasjonalbiblioteket',
      currentEndDate: '2030-12-31',
      remainingFunds: 149_999.5,
      maturityLevel: null,
      parentId: null,
      sampleData: false,
      planItemCount: 2,
    });
    expect(created.extensions[0]).toMatchObject({ status: 'asked', decidedOn: null, note: null, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(created.goals[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.policyAnchors[0]).toMatchObject({ period: null, url: null, level: 'regional' });
    expect(created.planItems.map((i) => [i.title, i.position, i.status])).toEqual([
      ['Kartlegge behov', 0, 'done'],
      ['Inngå avtaler', 1, 'planned'],
    ]);
    expect(created.planItems[0]?.activities).toEqual([{ id: INTERLIBRARY_LOAN_WEBINAR, title: 'Erfaringsutveksling om fjernlån' }]);
    expect(created.planItems[1]?.responsibleActorName).toBe('Trøndelag fylkesbibliotek');
    expect(await countRows(server, 'audit_entry')).toBe(auditBefore + 1);
  });

  it('creates a measure inside a programme', async () => {
    const measure = await createInitiative({ kind: 'measure', title: 'Tiltak 4: Prøvetiltak', parentId: IHP, budget: null });
    expect(measure).toMatchObject({ parentId: IHP, parentTitle: 'Internasjonalt handlingsprogram (IHP) for Trøndelag', remainingFunds: null, budget: null });
    expect((await getInitiative(IHP)).children.map((c) => c.id)).toContain(measure.id);
  });

  const badBodies: Array<[string, unknown, string, string]> = [
    ['an unknown owner', { ...validInitiative, ownerId: UNKNOWN_ID }, 'ownerId', 'actor_not_found'],
    ['an unknown funder', { ...validInitiative, funderId: UNKNOWN_ID }, 'funderId', 'actor_not_found'],
    ['an unknown parent', { ...validInitiative, parentId: UNKNOWN_ID }, 'parentId', 'parent_not_found'],
    ['an end before the start', { ...validInitiative, plannedEndDate: '2029-12-31' }, 'plannedEndDate', 'end_before_start'],
    [
      'a decision on an extension only asked for',
      { ...validInitiative, extensions: [{ askedOn: '2030-10-01', requestedEnd: '2031-06-30', status: 'asked', decidedOn: '2030-11-01' }] },
      'extensions.0.decidedOn',
      'decided_while_asked',
    ],
    [
      'an extension decided before it was asked for',
      { ...validInitiative, extensions: [{ askedOn: '2030-10-01', requestedEnd: '2031-06-30', status: 'granted', decidedOn: '2030-09-01' }] },
      'extensions.0.decidedOn',
      'decided_before_asked',
    ],
    [
      'an extension that ends before the planned end',
      { ...validInitiative, extensions: [{ askedOn: '2030-10-01', requestedEnd: '2030-06-30', status: 'asked' }] },
      'extensions.0.requestedEnd',
      'extension_not_later',
    ],
    ['an unknown responsible actor of a plan item', { ...validInitiative, planItems: [{ title: 'Greit' }, { title: 'Ukjent ansvarlig', responsibleActorId: UNKNOWN_ID }] }, 'planItems.1.responsibleActorId', 'actor_not_found'],
    ['an unknown activity as a result', { ...validInitiative, planItems: [{ title: 'Ukjent resultat', activityIds: [UNKNOWN_ID] }] }, 'planItems.0.activityIds.0', 'activity_not_found'],
    ['an unknown agreement as a result', { ...validInitiative, planItems: [{ title: 'Ukjent avtale', agreementIds: [UNKNOWN_ID] }] }, 'planItems.0.agreementIds.0', 'agreement_not_found'],
    ['a result listed twice', { ...validInitiative, planItems: [{ title: 'To ganger', activityIds: [INTERLIBRARY_LOAN_WEBINAR, INTERLIBRARY_LOAN_WEBINAR] }] }, 'planItems.0.activityIds.1', 'duplicate'],
    ['an amount the database cannot hold', { ...validInitiative, budget: { granted: 1e12, spent: 0 } }, 'budget.granted', 'too_big'],
    ['a negative amount', { ...validInitiative, budget: { granted: 10, spent: -1 } }, 'budget.spent', 'too_small'],
    ['an unknown maturity level', { ...validInitiative, maturityLevel: '4.0' }, 'maturityLevel', 'invalid_value'],
    ['an unknown theme', { ...validInitiative, themes: ['weather'] }, 'themes.0', 'invalid_value'],
    ['an unknown policy level', { ...validInitiative, policyAnchors: [{ title: 'Plan', level: 'global' }] }, 'policyAnchors.0.level', 'invalid_value'],
    ['an anchor address that is no web address', { ...validInitiative, policyAnchors: [{ title: 'Plan', level: 'eu', url: 'ftp://x.y/z' }] }, 'policyAnchors.0.url', 'invalid_format'],
    ['a NUL character in a goal', { ...validInitiative, goals: [{ text: 'Mål\u0000' }] }, 'goals.0.text', 'control_characters'],
    ['year zero', { ...validInitiative, startDate: '0000-06-01' }, 'startDate', 'date_out_of_range'],
    ['two goals with one id', { ...validInitiative, goals: [{ id: UNKNOWN_ID, text: 'Første mål' }, { id: UNKNOWN_ID, text: 'Andre mål' }] }, 'goals.1.id', 'duplicate'],
    ['an unknown kind', { ...validInitiative, kind: 'campaign' }, 'kind', 'invalid_value'],
    ['an unknown field', { ...validInitiative, colour: 'red' }, 'colour', 'unrecognized_keys'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, and writes nothing', async (_label, body, path, code) => {
    await expectFieldRefused(server, () => server.request('/api/initiatives', jsonBody('POST', body)), { path, code }, ['initiative', 'plan_item']);
  });
});

describe('PATCH /api/initiatives/:id', () => {
  it('changes own fields with the current version; a granted extension moves the current end', async () => {
    const initiative = await createInitiative();
    const extension = initiative.extensions[0];
    const response = await server.request(
      `/api/initiatives/${initiative.id}`,
      jsonBody('PATCH', { extensions: [{ ...extension, status: 'granted', decidedOn: '2030-11-15' }], budget: { granted: 200_000, spent: 120_000 } }, { 'If-Match': '"1"' }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe('"2"');
    const updated = (await response.json()) as InitiativeDetail;
    expect(updated).toMatchObject({ currentEndDate: '2031-06-30', remainingFunds: 80_000, version: 2, title: validInitiative.title });
    expect(updated.extensions[0]?.id).toBe(extension?.id);
    const entry = await server.database.db
      .selectFrom('audit_entry')
      .selectAll()
      .where('entity_id', '=', initiative.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({ entity: 'initiative', before: expect.objectContaining({ currentEndDate: '2030-12-31' }), after: expect.objectContaining({ currentEndDate: '2031-06-30' }) });
  });

  it('answers 428 without If-Match, 412 for a stale version, 404 for an unknown id', async () => {
    const initiative = await createInitiative();
    expect((await server.request(`/api/initiatives/${initiative.id}`, jsonBody('PATCH', { title: 'Uten versjon' }))).status).toBe(428);
    expect((await server.request(`/api/initiatives/${initiative.id}`, jsonBody('PATCH', { title: 'Første lagring' }, { 'If-Match': '"1"' }))).status).toBe(200);
    expect((await server.request(`/api/initiatives/${initiative.id}`, jsonBody('PATCH', { title: 'Andre lagring' }, { 'If-Match': '"1"' }))).status).toBe(412);
    expect((await getInitiative(initiative.id)).title).toBe('Første lagring');
    expect((await server.request(`/api/initiatives/${UNKNOWN_ID}`, jsonBody('PATCH', { title: 'Ingen' }, { 'If-Match': '"1"' }))).status).toBe(404);
  });

  it('refuses a parent that would make a loop, or itself', async () => {
    const programme = await createInitiative({ kind: 'programme', title: 'Program A' });
    const measure = await createInitiative({ kind: 'measure', title: 'Tiltak under A', parentId: programme.id });
    const loop = await server.request(`/api/initiatives/${programme.id}`, jsonBody('PATCH', { parentId: measure.id }, { 'If-Match': '"1"' }));
    expect(loop.status).toBe(400);
    expect((await problemOf(loop)).errors?.[0]).toMatchObject({ path: 'parentId', code: 'parent_cycle' });
    const self = await server.request(`/api/initiatives/${programme.id}`, jsonBody('PATCH', { parentId: programme.id }, { 'If-Match': '"1"' }));
    expect((await problemOf(self)).errors?.[0]).toMatchObject({ path: 'parentId', code: 'parent_is_self' });
    expect((await getInitiative(programme.id)).version).toBe(1);
  });

  it('does not take plan items: they change under /plan-items', async () => {
    const initiative = await createInitiative();
    const response = await server.request(`/api/initiatives/${initiative.id}`, jsonBody('PATCH', { planItems: [] }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.[0]).toMatchObject({ path: 'planItems', code: 'unrecognized_keys' });
  });
});

describe('plan items', () => {
  it('adds an item at the end of the plan, changes it with its own version and deletes it, auditing each step', async () => {
    const initiative = await createInitiative({ planItems: [{ title: 'Første punkt' }] });
    const created = await server.request(
      `/api/initiatives/${initiative.id}/plan-items`,
      jsonBody('POST', { title: 'Andre punkt', dueDate: '2030-05-01', responsibleActorId: COUNTY, agreementIds: [] }),
    );
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    const item = (await created.json()) as PlanItemDetail;
    expect(created.headers.get('location')).toBe(`/api/initiatives/${initiative.id}/plan-items/${item.id}`);
    expect(item).toMatchObject({ position: 1, status: 'planned', initiativeId: initiative.id, initiativeTitle: initiative.title, responsibleActorName: 'Trøndelag fylkeskommune' });

    const path = `/api/initiatives/${initiative.id}/plan-items/${item.id}`;
    expect((await server.request(path, jsonBody('PATCH', { status: 'in_progress' }))).status).toBe(428);
    const changed = await server.request(path, jsonBody('PATCH', { status: 'done', activityIds: [INTERLIBRARY_LOAN_WEBINAR] }, { 'If-Match': '"1"' }));
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe('"2"');
    expect(await changed.json()).toMatchObject({ status: 'done', title: 'Andre punkt', activities: [{ id: INTERLIBRARY_LOAN_WEBINAR, title: 'Erfaringsutveksling om fjernlån' }] });
    expect((await server.request(path, jsonBody('PATCH', { status: 'dropped' }, { 'If-Match': '"1"' }))).status).toBe(412);
    // The initiative's own version is not touched by its plan items.
    expect((await getInitiative(initiative.id)).version).toBe(1);

    expect((await server.request(path, { method: 'DELETE' })).status).toBe(428);
    expect((await server.request(path, { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status).toBe(412);
    expect((await server.request(path, { method: 'DELETE', headers: { 'If-Match': '"2"' } })).status).toBe(204);
    expect((await getInitiative(initiative.id)).planItems.map((i) => i.title)).toEqual(['Første punkt']);
    const actions = await server.database.db.selectFrom('audit_entry').select(['entity', 'action']).where('entity_id', '=', item.id).orderBy('id').execute();
    expect(actions).toEqual([
      { entity: 'plan_item', action: 'create' },
      { entity: 'plan_item', action: 'update' },
      { entity: 'plan_item', action: 'delete' },
    ]);
  });

  it('answers 404 for an unknown initiative, or an item of another initiative', async () => {
    expect((await server.request(`/api/initiatives/${UNKNOWN_ID}/plan-items`, jsonBody('POST', { title: 'Hvor?' }))).status).toBe(404);
    const other = await createInitiative({ planItems: [{ title: 'Annet punkt' }] });
    const itemId = other.planItems[0]?.id ?? '';
    const response = await server.request(`/api/initiatives/${NB_PROJECT}/plan-items/${itemId}`, jsonBody('PATCH', { title: 'Feil sted' }, { 'If-Match': '"1"' }));
    expect(response.status).toBe(404);
    expect((await server.request(`/api/initiatives/${NB_PROJECT}/plan-items/${itemId}`, { method: 'DELETE', headers: { 'If-Match': '"1"' } })).status).toBe(404);
  });

  it('refuses unknown results and bad fields with 400 naming the field, writing nothing', async () => {
    const before = await Promise.all([countRows(server, 'plan_item'), countRows(server, 'audit_entry')]);
    const unknownAgreement = await server.request(
      `/api/initiatives/${NB_PROJECT}/plan-items`,
      jsonBody('POST', { title: 'Avtale som ikke finnes', agreementIds: [UNKNOWN_ID] }),
    );
    expect((await problemOf(unknownAgreement)).errors?.[0]).toMatchObject({ path: 'agreementIds.0', code: 'agreement_not_found' });
    const badStatus = await server.request(`/api/initiatives/${NB_PROJECT}/plan-items`, jsonBody('POST', { title: 'Status', status: 'finished' }));
    expect((await problemOf(badStatus)).errors?.[0]).toMatchObject({ path: 'status', code: 'invalid_value' });
    const badParam = await server.request(`/api/initiatives/${NB_PROJECT}/plan-items/nope`, jsonBody('PATCH', { title: 'x y z' }, { 'If-Match': '"1"' }));
    expect((await problemOf(badParam)).errors?.[0]?.path).toBe('param.itemId');
    expect(await Promise.all([countRows(server, 'plan_item'), countRows(server, 'audit_entry')])).toEqual(before);
  });

  it('lists open items due before a date across initiatives, soonest first', async () => {
    const page = await getJson<Page<PlanItemDetail>>(server, '/api/plan-items?open=true&dueBefore=2026-12-31&pageSize=100');
    expect(page.total).toBeGreaterThan(0);
    expect(page.items.every((i) => ['planned', 'in_progress'].includes(i.status) && i.dueDate !== null && i.dueDate <= '2026-12-31')).toBe(true);
    const dues = page.items.map((i) => i.dueDate ?? '');
    expect(dues).toEqual([...dues].sort());
    expect(page.items.some((i) => i.initiativeId === NB_PROJECT && /Namdal studiesenter/.test(i.title))).toBe(true);
    expect(page.items.some((i) => i.initiativeId === UNIVERSITY_MUNICIPALITY)).toBe(true);

    const done = await getJson<Page<PlanItemDetail>>(server, `/api/plan-items?status=done&initiative=${NB_PROJECT}`);
    expect(done.items.length).toBeGreaterThanOrEqual(4);
    expect(done.items.every((i) => i.status === 'done')).toBe(true);
    const responsible = await getJson<Page<PlanItemDetail>>(server, `/api/plan-items?responsible=${NTNU}`);
    expect(responsible.items.every((i) => i.responsibleActorId === NTNU)).toBe(true);
    for (const query of ['status=finished', 'dueBefore=2026-02-30', 'open=yes']) {
      const response = await server.request(`/api/plan-items?${query}`);
      expect(response.status, query).toBe(400);
      expect((await problemOf(response)).errors?.[0]?.path).toBe(`query.${query.split('=')[0]}`);
    }
  });
});

describe('the order of plan items across initiatives', () => {
  it('sorts by due date, soonest first (or latest first), with undated items last either way', async () => {
    const initiative = await createInitiative({ title: 'Rekkefølge på planpunkter' });
    for (const item of [{ title: 'Udatert' }, { title: 'Senere', dueDate: '2031-06-01' }, { title: 'Tidligere', dueDate: '2031-01-15' }]) {
      expect((await server.request(`/api/initiatives/${initiative.id}/plan-items`, jsonBody('POST', item))).status).toBe(201);
    }
    const titlesSortedBy = async (sort: string) =>
      (await getJson<Page<PlanItemDetail>>(server, `/api/plan-items?initiative=${initiative.id}&sort=${sort}`)).items.map((i) => i.title);
    expect(await titlesSortedBy('due')).toEqual(['Tidligere', 'Senere', 'Udatert']);
    expect(await titlesSortedBy('-due')).toEqual(['Senere', 'Tidligere', 'Udatert']);
  });
});

describe('mobility counts', () => {
  it('inserts a count with PUT (201), replaces it with a second PUT (200), and audits both', async () => {
    const body = { actorId: COUNTY, schoolYear: '2025/26', category: 'teacher', count: 12, initiativeId: MEASURE_3 };
    const created = await server.request('/api/mobility-counts', jsonBody('PUT', body));
    expect(created.status).toBe(201);
    const first = (await created.json()) as MobilityCount;
    expect(first).toMatchObject({ ...body, actorName: 'Trøndelag fylkeskommune', sampleData: false });
    const replaced = await server.request('/api/mobility-counts', jsonBody('PUT', { ...body, count: 15, initiativeId: undefined }));
    expect(replaced.status).toBe(200);
    expect(await replaced.json()).toMatchObject({ id: first.id, count: 15, initiativeId: MEASURE_3 });
    const entries = await server.database.db.selectFrom('audit_entry').select(['action', 'before', 'after']).where('entity_id', '=', first.id).orderBy('id').execute();
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]?.before).toMatchObject({ count: 12 });
    expect(entries[1]?.after).toMatchObject({ count: 15 });
  });

  it('replaces a sample count with a real one', async () => {
    const response = await server.request('/api/mobility-counts', jsonBody('PUT', { actorId: COUNTY, schoolYear: '2024/25', category: 'pupil', count: 70 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ count: 70, sampleData: false, initiativeId: MEASURE_3 });
  });

  it('filters by actor, school year and category', async () => {
    const page = await getJson<Page<MobilityCount>>(server, `/api/mobility-counts?actor=${COUNTY}&category=apprentice`);
    expect(page.items.map((m) => m.schoolYear)).toEqual(['2024/25', '2023/24']);
    expect((await getJson<Page<MobilityCount>>(server, `/api/mobility-counts?actor=${NTNU}`)).total).toBe(0);
  });

  const badBodies: Array<[string, unknown, string, string]> = [
    ['an unknown actor', { actorId: UNKNOWN_ID, schoolYear: '2024/25', category: 'pupil', count: 1 }, 'actorId', 'actor_not_found'],
    ['an unknown initiative', { actorId: COUNTY, schoolYear: '2024/25', category: 'pupil', count: 1, initiativeId: UNKNOWN_ID }, 'initiativeId', 'initiative_not_found'],
    ['years that do not follow', { actorId: COUNTY, schoolYear: '2024/26', category: 'pupil', count: 1 }, 'schoolYear', 'school_year'],
    ['a school year written otherwise', { actorId: COUNTY, schoolYear: '2024-2025', category: 'pupil', count: 1 }, 'schoolYear', 'invalid_format'],
    ['an unknown category', { actorId: COUNTY, schoolYear: '2024/25', category: 'parent', count: 1 }, 'category', 'invalid_value'],
    ['a negative count', { actorId: COUNTY, schoolYear: '2024/25', category: 'pupil', count: -3 }, 'count', 'too_small'],
    ['a fractional count', { actorId: COUNTY, schoolYear: '2024/25', category: 'pupil', count: 1.5 }, 'count', 'invalid_type'],
    ['a person’s name', { actorId: COUNTY, schoolYear: '2024/25', category: 'pupil', count: 1, name: 'Ola Nordmann' }, 'name', 'unrecognized_keys'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, and writes nothing', async (_label, body, path, code) => {
    await expectFieldRefused(server, () => server.request('/api/mobility-counts', jsonBody('PUT', body)), { path, code }, ['mobility_count']);
  });

  it('answers 400 for bad query values', async () => {
    for (const query of ['schoolYear=2024', 'category=parent', 'actor=x']) {
      const response = await server.request(`/api/mobility-counts?${query}`);
      expect(response.status, query).toBe(400);
      expect((await problemOf(response)).errors?.[0]?.path).toBe(`query.${query.split('=')[0]}`);
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes the initiative, plan-item and mobility routes with named schemas', async () => {
    const document = (await (await server.request('/api/openapi.json')).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/initiatives',
        '/api/initiatives/{id}',
        '/api/initiatives/export',
        '/api/initiatives/{id}/plan-items',
        '/api/initiatives/{id}/plan-items/{itemId}',
        '/api/plan-items',
        '/api/mobility-counts',
      ]),
    );
    for (const name of ['InitiativeDetail', 'InitiativePage', 'PlanItemDetail', 'MobilityCount', 'MobilityCountInput']) {
      expect(document.components.schemas).toHaveProperty(name);
    }
  });
});
