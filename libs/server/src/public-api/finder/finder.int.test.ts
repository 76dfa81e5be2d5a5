import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { sampleId } from '@kompetansebro/db';
import { jsonBody } from '@kompetansebro/testing/server';
import { daysFromToday, ifMatch, loggedIn, testServer } from '../../testing/fixture.test';
import { uploadPhoto } from '../published-photo.test';

const server = testServer();
const namsosEditor = loggedIn(server, 'namsos@demo.kompetansebro.no');

async function page(path: string, status = 200): Promise<string> {
  const response = await server.anonymous(path, { redirect: 'manual' });
  expect(response.status, path).toBe(status);
  expect(response.headers.get('content-type'), path).toContain('text/html');
  return response.text();
}

/** The JSON-LD blocks of a page. */
const jsonLdOf = (html: string) =>
  [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1] ?? 'null') as Record<string, unknown>);

describe('the public student finder', () => {
  it('answers / with its search form, title and description in the HTML, no login and no redirect', async () => {
    const html = await page('/');
    expect(html).toMatch(/^<!doctype html>\s*<html lang="nb">/);
    expect(html).toContain('<title>Bibliotek for studenter i Trøndelag</title>');
    expect(html).toMatch(/<meta name="description" content="Finn et folkebibliotek[^"]+">/);
    expect(html).toContain('<label for="sted">Sted</label>');
    expect(html).toContain('<form class="search" method="get" action="/#results" role="search">');
    // The student's commonest need is one link away.
    expect(html).toContain('<a href="/?behov=study_places&amp;nar=na#results">Studieplasser som er åpne nå</a>');
    expect(html).toContain('href="/?region=');
    expect(html).toContain('Namdal studiesenter');
  });

  it('finds study places open on a Saturday in Namdal, each with its status now and Saturday hours, without JavaScript', async () => {
    const html = await page('/?sted=Namdal&behov=study_places&nar=sa');
    expect(html).toContain('<a href="/finn/bibliotek/grong-bibliotek">Grong bibliotek</a>');
    expect(html).toMatch(/lørdag \d\d\.\d\d\.: Betjent 11:00–15:00 · Meråpent 07:00–22:00/);
    expect(html).toMatch(/class="status (staffed|self_service|closed)"/);
    expect(html).not.toContain('Trondheim folkebibliotek');
    expect(html).not.toContain('Namdalseid bibliotek');
    // The form keeps what was asked.
    expect(html).toContain('<option value="sa" selected>');
  });

  it('shows a library page in nynorsk with its hours, services, contact and schema.org Library JSON-LD', async () => {
    const html = await page('/finn/bibliotek/grong-bibliotek?lang=nn');
    expect(html).toContain('<html lang="nn">');
    expect(html).toContain('<title>Grong bibliotek – Bibliotek for studentar i Trøndelag</title>');
    expect(html).toContain('<caption>Denne veka</caption>');
    expect(html).toMatch(/<th scope="row">laurdag \d\d\.\d\d\.<\/th>\s*<td><span class="period">11:00–15:00<\/span><\/td><td><span class="period">07:00–22:00<\/span><\/td>/);
    // A day without staffed hours says "Stengt" in that column as on a closed day, not "–" (read as unknown).
    expect(html).toMatch(/<th scope="row">sundag \d\d\.\d\d\.<\/th>\s*<td>Stengt<\/td><td><span class="period">07:00–22:00<\/span><\/td>/);
    expect(html).not.toMatch(/<td>–<\/td>/);
    expect(html).toContain('Tenester for studentar');
    expect(html).toContain('<h3>Lesesalsplassar</h3>');
    expect(html).toContain('<h3>Eksamensvakt</h3>');
    expect(html).toContain('Namdal studiesenter');
    // Links stay in nynorsk; the other languages are a link away.
    expect(html).toContain('href="/?kommune=5045&amp;lang=nn"');
    expect(html).toContain(`<link rel="alternate" hreflang="en" href="${server.baseUrl}/finn/bibliotek/grong-bibliotek?lang=en">`);
    expect(html).toContain(`<link rel="canonical" href="${server.baseUrl}/finn/bibliotek/grong-bibliotek?lang=nn">`);
    const library = jsonLdOf(html).find((block) => block['@type'] === 'Library');
    expect(library).toMatchObject({ name: 'Grong bibliotek', address: { '@type': 'PostalAddress', addressLocality: 'Grong', addressCountry: 'NO' } });
    const hours = library?.['openingHoursSpecification'] as Array<{ dayOfWeek: string; opens: string; closes: string }>;
    expect(hours).toContainEqual(expect.objectContaining({ dayOfWeek: 'https://schema.org/Saturday', opens: '11:00', closes: '15:00' }));
    // The widget's copy-paste code is for the library's staff (the library portal gives it), not for students.
    expect(html).not.toContain('/finn/widget.js');
  });

  it('says so when this week differs from a normal week, beside the services’ hours a week', async () => {
    const namsos = sampleId('actor', 'library-5007');
    const closedToday = [{ date: daysFromToday(0), periods: [], note: 'Stengt for kurs' }];
    // A lone closed day says nothing of the rest of the week: no week of "Closed", the hours not published.
    expect((await namsosEditor(`/api/opening-hours/${namsos}`, jsonBody('PATCH', { weekly: [], exceptions: closedToday }, ifMatch(0)))).status).toBe(200);
    const lone = await page('/finn/bibliotek/namsos-bibliotek?lang=en');
    expect(lone).not.toContain('<table class="week">');
    expect(lone).toContain('The library has not published its opening hours here yet.');

    const weekly = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((weekday) => ({ weekday, kind: 'staffed', from: '10:00', to: '16:00' }));
    expect((await namsosEditor(`/api/opening-hours/${namsos}`, jsonBody('PATCH', { weekly, exceptions: closedToday }, ifMatch(1)))).status).toBe(200);
    const html = await page('/finn/bibliotek/namsos-bibliotek?lang=en');
    expect(html).toContain('<table class="week">');
    expect(html).toContain('<span class="reason" lang="nb">Stengt for kurs</span>');
    expect(html).toContain('This week differs from a normal week (see the note by the day).');
    // Staffed hours only: no self-service column, nor a word about it.
    expect(html).toContain('<th scope="col">Staffed</th></tr>');
    expect(html).not.toContain('<th scope="col">Self-service</th>');
    expect(html).not.toContain('Self-service means');

    // A season over the whole week is named once, not on each of its seven days.
    const seasons = [{ name: 'Eksamenstid', from: daysFromToday(-8), to: daysFromToday(8), weekly: weekly.map((period) => ({ ...period, to: '20:00' })) }];
    expect((await namsosEditor(`/api/opening-hours/${namsos}`, jsonBody('PATCH', { weekly, seasons, exceptions: [] }, ifMatch(2)))).status).toBe(200);
    const season = await page('/finn/bibliotek/namsos-bibliotek?lang=en');
    expect(season).toContain('This week the opening hours of Eksamenstid apply');
    expect(season).not.toContain('<span class="reason" lang="nb">Eksamenstid</span>');
    expect(season).not.toContain('This week differs from a normal week');
  });

  it('shows the photos the library published, with alt text and credit, loaded when scrolled to; never an unpublished one', async () => {
    const grong = sampleId('actor', 'library-5045');
    const photo = await uploadPhoto(server, grong, { altText: 'Inngangen til Grong bibliotek i rådhuset', photographer: 'Kari Fotograf', rights: 'licence', rightsDetail: 'CC BY 4.0', published: true });
    await uploadPhoto(server, grong, { altText: 'Et bilde som ikke er publisert', photographer: 'Skjult Fotograf', rights: 'licence', rightsDetail: 'CC0', published: false });
    const html = await page('/finn/bibliotek/grong-bibliotek?lang=en');
    expect(html).toContain('<h2 id="photos-heading">Photos</h2>');
    const small = `/api/public/v1/photos/${photo.id}/small`;
    const large = `/api/public/v1/photos/${photo.id}/large`;
    expect(html).toContain(
      `<img src="${small}" srcset="${small} 480w, ${large} 1280w" sizes="(min-width: 48rem) 29rem, calc(100vw - 2rem)" width="480" height="360" alt="Inngangen til Grong bibliotek i rådhuset" lang="nb" loading="lazy" decoding="async">`,
    );
    expect(html).toContain('<figcaption>Photo: Kari Fotograf, <span lang="nb">CC BY 4.0</span></figcaption>');
    expect(html).not.toContain('Skjult Fotograf');
    expect(html).not.toContain('Et bilde som ikke er publisert');
    // The photos come after the facts a student came for.
    expect(html.indexOf('id="photos-heading"')).toBeGreaterThan(html.indexOf('id="contact-heading"'));
    const library = jsonLdOf(html).find((block) => block['@type'] === 'Library');
    expect(library?.['image']).toEqual([`${server.baseUrl}${large}`]);
    expect((await server.anonymous(small)).headers.get('content-type')).toBe('image/webp');
  });

  it('loads its script only where it shows "open now", by a versioned address cached for a year, and gzips its pages', async () => {
    const front = await server.anonymous('/');
    expect(front.headers.get('content-encoding')).toBe('gzip');
    expect(await front.text()).not.toContain('finder.js');
    const results = await page('/?sted=Grong');
    const script = /<script src="(\/finn\/finder\.js\?v=[0-9a-f]{12})" defer><\/script>/.exec(results)?.[1];
    expect(script).toBeDefined();
    expect(results).toContain('<script type="application/json" id="finder-status">');
    const cached = await server.anonymous(script ?? '');
    expect(cached.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await server.anonymous('/finn/finder.js?v=old')).headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('says so where a text exists only in bokmål, marked lang="nb"', async () => {
    const db = server.database.db;
    const grong = await db.selectFrom('actor').select('id').where('name', '=', 'Grong bibliotek').executeTakeFirstOrThrow();
    await db.updateTable('service').set({ description: 'Stille lesesal i andre etasje' }).where('actor_id', '=', grong.id).where('type', '=', 'study_places').execute();
    const english = await page('/finn/bibliotek/grong-bibliotek?lang=en');
    expect(english).toContain('<p lang="nb">Stille lesesal i andre etasje</p>');
    // Said once for the section, not after each text.
    expect(english.match(/exist only in Norwegian \(bokmål\)/g)).toEqual(['exist only in Norwegian (bokmål)']);
    expect(english).toMatch(/<h2 id="services-heading">Services for students<\/h2>\s*<p class="note">The descriptions of the services exist only in Norwegian \(bokmål\)\.<\/p>/);
    const bokmal = await page('/finn/bibliotek/grong-bibliotek');
    expect(bokmal).toContain('<p lang="nb">Stille lesesal i andre etasje</p>');
    expect(bokmal).not.toContain('finnes bare på bokmål');
  });

  it('shows a study centre page with its libraries and the brochure in three languages', async () => {
    const front = await page('/');
    const path = /href="(\/finn\/studiesenter\/[0-9a-f-]+)">Namdal studiesenter/.exec(front)?.[1];
    const html = await page(`${path}?lang=en`);
    expect(html).toContain('<h1>Namdal studiesenter</h1>');
    expect(html).toContain('Grong bibliotek');
    expect(html).toContain('<h2 id="contact-heading">Address and contact</h2>');
    for (const lang of ['nb', 'nn', 'en']) expect(html).toContain(`${path}/brosjyre-${lang}.pdf`);
    const pdf = await server.anonymous(`${path}/brosjyre-nn.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });

  it('answers an unknown library, municipality, service or page with the finder’s 404 page and a way back', async () => {
    for (const path of ['/finn/bibliotek/finnes-ikke', '/?kommune=9999', '/finn/noe-annet', '/finn/studiesenter/123', '/?lang=nn&kommune=0000']) {
      const html = await page(path, 404);
      expect(html, path).toMatch(/<h1>(Fant ikke siden|Fann ikkje sida)<\/h1>/);
      expect(html, path).toMatch(/<a href="\/(\?lang=nn)?">Tilbake til søket<\/a>/);
    }
  });

  it('keeps a place too long to search for in the form and says beside it to shorten it, instead of a 404', async () => {
    const long = 'Namsos '.repeat(20).trim();
    const html = await page(`/?sted=${encodeURIComponent(long)}&behov=study_places`);
    expect(html).toContain('<h1>Finn et bibliotek for studiene dine</h1>');
    expect(html).toContain('<span class="field-error" id="sted-error">Stedet er for langt til å søke på. Skriv høyst 100 tegn');
    expect(html).toContain(`value="${long}" aria-describedby="sted-help sted-error" aria-invalid="true"`);
    expect(html).toContain('<option value="study_places" selected>');
    expect(html).not.toContain('class="cards"');
    const nynorsk = await page(`/?lang=nn&sted=${'x'.repeat(101)}`);
    expect(nynorsk).toContain('Staden er for lang til å søkje på. Skriv høgst 100 teikn');
  });

  it('leaves out a need or time an old link names that the finder does not know, says so, and searches the rest', async () => {
    for (const path of ['/?behov=kaffe&sted=Grong', '/?nar=fredagskveld&sted=Grong']) {
      const html = await page(path);
      expect(html, path).toContain('<p class="notice" role="status">Lenken hadde et valg søket ikke kjenner');
      expect(html, path).toContain('<a href="/finn/bibliotek/grong-bibliotek">Grong bibliotek</a>');
    }
  });

  it('says a postcode is not what the search is by when one finds nothing', async () => {
    const html = await page('/?sted=7800');
    expect(html).toContain('0 treff');
    expect(html).toContain('Søket går på kommune, region og biblioteknavn, ikke på postnummer.');
    expect(await page('/?sted=Finnesikke')).toContain('Ingen bibliotek passer søket.');
  });

  it('answers a browser at an address no route has with the same page, and a program with problem+json', async () => {
    for (const path of ['/finnes-ikke', '/fylk/', '/bibliotek.php']) {
      const response = await server.anonymous(path, { headers: { Accept: 'text/html,application/xhtml+xml' } });
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('<h1>Fant ikke siden</h1>');
    }
    const program = await server.anonymous('/finnes-ikke');
    expect(program.status).toBe(404);
    expect(program.headers.get('content-type')).toContain('application/problem+json');
    const api = await server.anonymous('/api/finnes-ikke', { headers: { Accept: 'text/html' } });
    expect(api.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves the widget script to any site and the page script to its own', async () => {
    const widget = await server.anonymous('/finn/widget.js');
    expect(widget.status).toBe(200);
    expect(widget.headers.get('content-type')).toContain('text/javascript');
    expect(widget.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(await widget.text()).toContain('/api/public/v1/libraries/');
    expect((await server.anonymous('/finn/finder.js')).status).toBe(200);
  });

  /** A municipality's page with the pasted widget code, in a DOM; the script run as a browser runs it. */
  const embedWidget = async (library: string, lang?: string) => {
    const code = await (await server.anonymous('/finn/widget.js')).text();
    const window = new Window({ url: 'https://kommune.example.no/' });
    const script = window.document.createElement('script');
    script.setAttribute('src', `${server.baseUrl}/finn/widget.js`);
    script.setAttribute('data-library', library);
    if (lang) script.setAttribute('data-lang', lang);
    window.document.body.appendChild(script);
    const document = { currentScript: script, createElement: (tag: string) => window.document.createElement(tag) };
    new Function('document', 'fetch', code)(document, fetch);
    const box = window.document.querySelector('section.kompetansebro-widget');
    await expect.poll(() => box?.querySelector('h3')?.textContent).toBeTruthy();
    const today = [...(box?.querySelectorAll('p') ?? [])].map((p) => p.textContent).find((text) => /^(I dag|Today):/.test(text));
    return { lang: box?.getAttribute('lang'), text: box?.textContent ?? '', today, href: box?.querySelector('h2 a')?.getAttribute('href') };
  };

  it('shows the widget in the language its code names (data-lang), its box marked with that lang, bokmål without it', async () => {
    const embed = (lang?: string) => embedWidget('grong-bibliotek', lang);
    const nynorsk = await embed('nn');
    expect(nynorsk.lang).toBe('nn');
    expect(nynorsk.text).toContain('Tenester for studentar');
    expect(nynorsk.text).toMatch(/I dag: (Betent .+\.|Stengt)/);
    expect(nynorsk.href).toBe(`${server.baseUrl}/finn/bibliotek/grong-bibliotek?lang=nn`);
    const english = await embed('en');
    expect(english.lang).toBe('en');
    expect(english.text).toContain('Services for students');
    const bokmal = await embed();
    expect(bokmal.lang).toBe('nb');
    expect(bokmal.text).toContain('Tjenester for studenter');
    expect(bokmal.href).toBe(`${server.baseUrl}/finn/bibliotek/grong-bibliotek`);
  });

  it('says nothing of self-service in the widget of a library without it, as its page does', async () => {
    const namsos = sampleId('actor', 'library-5007');
    const { version } = (await (await namsosEditor(`/api/opening-hours/${namsos}`)).json()) as { version: number };
    const weekly = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'].map((weekday) => ({ weekday, kind: 'staffed', from: '00:00', to: '23:59' }));
    // A self-service day in the past does not make a self-service library.
    const past = [{ date: daysFromToday(-3), periods: [{ kind: 'self_service', from: '07:00', to: '22:00' }] }];
    expect((await namsosEditor(`/api/opening-hours/${namsos}`, jsonBody('PATCH', { weekly, seasons: [], exceptions: past }, ifMatch(version)))).status).toBe(200);
    const widget = await embedWidget('namsos-bibliotek');
    expect(widget.today).toBe('I dag: Betjent 00:00–23:59.');
    // A library with self-service still names it, closed or not.
    expect((await embedWidget('grong-bibliotek')).today).toMatch(/^I dag: (Betjent .+\. Meråpent .+\.|Stengt)$/);
  });
});
