import { beforeAll, describe, expect, it } from 'vitest';
import { mainLibraryKey, sampleId } from '@kompetansebro/db';
import { norwegianSortKey, type ActorDetail, type Problem } from '@kompetansebro/domain';
import { jsonBody } from '@kompetansebro/testing/server';
import { testServer } from '../testing/fixture.test';

const server = testServer();

interface SearchResult {
  type: 'actor' | 'agreement' | 'activity' | 'initiative' | 'note';
  id: string;
  title: string;
  snippet: string;
  rank: number;
}

// A made-up place, so these records are the only ones the words below can find.
const PLACE = 'Tindvikøya';
let actor: ActorDetail;
const ids = { agreement: '', activity: '', initiative: '', describedOnly: '' };

beforeAll(async () => {
  const response = await server.request('/api/actors', jsonBody('POST', { kind: 'public_library', name: `${PLACE} bibliotek`, municipalityNumber: '5007' }));
  actor = (await response.json()) as ActorDetail;
  const { db } = server.database;
  const title = `Samarbeidsavtale for lesesalene på ${PLACE}`;
  ids.agreement = (
    await db
      .insertInto('agreement')
      .values({ title, sort_key: norwegianSortKey(title), kind: 'cooperation', description: 'Studiesenteret og biblioteket deler lesesaler.' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.activity = (
    await db
      .insertInto('activity')
      .values({ kind: 'webinar', title: `Webinar om fjernlån på ${PLACE}`, start_date: '2026-02-03', outcome: 'Godt besøkt av bibliotekene.' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  ids.describedOnly = (
    await db
      .insertInto('activity')
      .values({
        kind: 'meeting',
        title: 'Nettverksmøte for bibliotekarer',
        start_date: '2026-03-01',
        description: `Et langt møte med mange saker på dagsordenen. Blant annet ble erfaringene fra ${PLACE} lagt fram, og deltakerne diskuterte videre samarbeid om tjenester til studenter i hele regionen gjennom året. Neste møte holdes til høsten, med en egen sak om fjernlån og om eksamen på biblioteket.`,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const initiativeTitle = `Pilot: meråpent bibliotek på ${PLACE}`;
  ids.initiative = (
    await db
      .insertInto('initiative')
      .values({ kind: 'pilot', title: initiativeTitle, sort_key: norwegianSortKey(initiativeTitle), description: 'Utprøving av selvbetjent åpningstid.' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
});

async function search(query: string): Promise<SearchResult[]> {
  const response = await server.request(`/api/search?${query}`);
  expect(response.status, query).toBe(200);
  const body = (await response.json()) as { q: string; items: SearchResult[] };
  return body.items;
}

describe('GET /api/search', () => {
  it('finds actors, agreements, activities and initiatives in one list', async () => {
    const items = await search(`q=${encodeURIComponent(PLACE)}`);
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['actor', 'agreement', 'activity', 'initiative']));
    expect(items.map((i) => i.id).sort()).toEqual([actor.id, ids.agreement, ids.activity, ids.describedOnly, ids.initiative].sort());
  });

  it('ranks matches in the title above matches in the description only, best first', async () => {
    const items = await search(`q=${encodeURIComponent(PLACE)}`);
    const ranks = items.map((i) => i.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(items.at(-1)?.id).toBe(ids.describedOnly);
    // A title that starts with the words comes first.
    expect(items[0]).toMatchObject({ type: 'actor', title: `${PLACE} bibliotek` });
  });

  it('cuts a short plain-text snippet around the match', async () => {
    const described = (await search(`q=${encodeURIComponent(PLACE)}`)).find((i) => i.id === ids.describedOnly);
    expect(described?.snippet).toContain(PLACE);
    expect(described?.snippet.length).toBeLessThan(210);
    expect(described?.snippet).toMatch(/^… .* …$/);
    expect(described?.snippet).not.toMatch(/<|>/);
    const agreement = (await search('q=lesesalene')).find((i) => i.id === ids.agreement);
    expect(agreement?.snippet).toBe('Studiesenteret og biblioteket deler lesesaler.');
  });

  it('stems Norwegian words: "bibliotekene" finds "bibliotek", "lesesaler" finds "lesesalene"', async () => {
    const libraries = await search(`q=${encodeURIComponent(`${PLACE} bibliotekene`)}`);
    expect(libraries.map((i) => i.id)).toContain(actor.id);
    expect(libraries.map((i) => i.id)).toContain(ids.initiative);
    expect((await search('q=bibliotekene&limit=50')).filter((i) => i.type === 'actor').every((i) => /bibliotek/i.test(i.title + i.snippet))).toBe(true);
    expect((await search('q=lesesaler')).map((i) => i.id)).toContain(ids.agreement);
  });

  it('finds names by their beginning: "Nams" finds Namsos bibliotek', async () => {
    const items = await search('q=Nams');
    expect(items.map((i) => i.id)).toContain(sampleId('actor', mainLibraryKey('5007')));
    expect(items.slice(0, 2).every((i) => i.title.startsWith('Nams'))).toBe(true);
  });

  it('understands web-search syntax: phrases and exclusions', async () => {
    expect((await search(`q=${encodeURIComponent(`${PLACE} -webinar`)}`)).map((i) => i.id)).not.toContain(ids.activity);
    expect((await search(`q=${encodeURIComponent('"meråpent bibliotek"')}`)).map((i) => i.id)).toContain(ids.initiative);
  });

  it('finds liaison notes by their text for those in the channel only: the county and the library, not another library or a study centre', async () => {
    const NAMSOS = sampleId('actor', mainLibraryKey('5007'));
    const written = await server.request('/api/liaison/notes', jsonBody('POST', { target: { actorId: NAMSOS }, universityId: null, body: `Hyllene på ${PLACE}notatet er flyttet.` }));
    expect(written.status).toBe(201);
    const { id } = (await written.json()) as { id: string };
    const words = `q=${encodeURIComponent(`${PLACE}notatet`)}`;
    const county = await search(words);
    expect(county).toContainEqual(expect.objectContaining({ type: 'note', id, title: 'Trøndelag fylkeskommune – Namsos bibliotek' }));
    const hitsOf = async (email: string) => {
      const response = await (await server.as(email))(`/api/search?${words}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { items: SearchResult[] }).items.map((i) => i.id);
    };
    expect(await hitsOf('namsos@demo.kompetansebro.no')).toContain(id);
    expect(await hitsOf('namdal@demo.kompetansebro.no')).not.toContain(id);
    expect(await hitsOf('ntnu@demo.kompetansebro.no')).not.toContain(id);
    await server.database.db.deleteFrom('liaison_note').where('id', '=', id).execute();
  });

  it('leaves out archived actors', async () => {
    const archived = await server.request(`/api/actors/${actor.id}/archive`, { method: 'POST', headers: { 'If-Match': `"${actor.version}"` } });
    expect(archived.status).toBe(200);
    const items = await search(`q=${encodeURIComponent(PLACE)}`);
    expect(items.map((i) => i.id)).not.toContain(actor.id);
    expect(items.length).toBe(4);
    await server.request(`/api/actors/${actor.id}/restore`, { method: 'POST', headers: { 'If-Match': `"${actor.version + 1}"` } });
  });

  it('ranks by the title as it is now: a changed title\'s words count, the old ones no longer', async () => {
    const rankOf = async () => (await search('q=lesesalene')).find((i) => i.id === ids.agreement)?.rank ?? 0;
    const withTitleWords = await rankOf();
    const { db } = server.database;
    const { title } = await db.selectFrom('agreement').select('title').where('id', '=', ids.agreement).executeTakeFirstOrThrow();
    await db.updateTable('agreement').set({ title: `Samarbeidsavtale for ${PLACE}` }).where('id', '=', ids.agreement).execute();
    // Still found by its description, without the rise a title match gives (0.5 for its words, 0.3 for the text in it).
    const withoutTitleWords = await rankOf();
    expect(withoutTitleWords).toBeGreaterThan(0);
    expect(withoutTitleWords).toBeLessThanOrEqual(withTitleWords - 0.8);
    await db.updateTable('agreement').set({ title }).where('id', '=', ids.agreement).execute();
    expect(await rankOf()).toBe(withTitleWords);
  });

  it('answers each search the same, run after run (the statement is planned once per connection)', async () => {
    const first = await Promise.all(['bibliotek', PLACE, 'Nams', 'lesesaler'].map((q) => search(`q=${encodeURIComponent(q)}`)));
    for (let run = 0; run < 6; run++) {
      for (const [i, q] of ['bibliotek', PLACE, 'Nams', 'lesesaler'].entries()) expect(await search(`q=${encodeURIComponent(q)}`), q).toEqual(first[i]);
    }
  });

  it('keeps to the limit', async () => {
    expect(await search('q=bibliotek&limit=3')).toHaveLength(3);
    expect((await search('q=bibliotek')).length).toBe(20);
  });

  it('answers 200 for any text a person may type, even stop words and symbols only', async () => {
    for (const q of ['og', '!!!', '%', '_', '\\', '"', "'", 'a & b | c', ':*', '-', 'or', '(', 'æøå', '🙂', 'x'.repeat(200)]) {
      const response = await server.request(`/api/search?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
    }
    expect(await search(`q=${encodeURIComponent('%')}`)).toEqual([]);
  });

  it('answers 400 naming the parameter when q is missing, empty, too long or has control characters, or limit is out of range', async () => {
    for (const [query, path] of [
      ['', 'query.q'],
      ['q=', 'query.q'],
      ['q=%20%20', 'query.q'],
      [`q=${'x'.repeat(201)}`, 'query.q'],
      ['q=a%00', 'query.q'],
      ['q=bibliotek&limit=0', 'query.limit'],
      ['q=bibliotek&limit=51', 'query.limit'],
      ['q=bibliotek&limit=many', 'query.limit'],
    ] as const) {
      const response = await server.request(`/api/search?${query}`);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Problem).errors?.[0]?.path, query).toBe(path);
    }
  });
});
