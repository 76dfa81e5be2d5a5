import { Hono, type Context } from 'hono';
import { compress } from 'hono/compress';
import { z } from 'zod';
import { brochureLanguageSchema, municipalityNumberSchema, periodsOn, weekdaySchema, withFields, type Weekday } from '@kompetansebro/domain';
import { finderTexts, languages } from '@kompetansebro/i18n';
import type { AppEnv } from '../../http/app-env';
import { publicUrlOf } from '../../http/app-env';
import { everyMunicipality, listRegions } from '../../reference/reference.repository';
import { getPublicBrochure } from '../../brochure/brochure.repository';
import { brochurePdfResponse, brochureTimetables } from '../../brochure/brochure.router';
import { norwegianPublicHolidays } from '../../opening-hours/norwegian-holidays';
import { findPublicLibrary, listPublicStudyCentres, nextDateOn, publishedTimetables, searchPublicLibraries } from '../public.repository';
import { finderNeeds, type PublicLibrary } from '../public.schema';
import { periodsText, readerOf, type Reader } from './finder-language';
import { finderPage, jsonLd, type Html } from './finder-layout';
import { FINDER_JS, FINDER_JS_VERSION, widgetScript } from './finder-assets';
import { reuseAnswers } from '../answer-reuse';
import { html } from 'hono/html';
import {
  centreArea,
  contactSection,
  hoursSection,
  libraryCard,
  notFoundBody,
  photosSection,
  resultList,
  searchForm,
  servicesSection,
  statusNow,
  studyCentresSection,
  type FinderQuery,
} from './finder-views';

// The public student finder (issue 15): pages rendered here, complete in their HTML — facts,
// title, description, schema.org JSON-LD — so they read without JavaScript and index well; one
// small script keeps "open now" fresh. Bokmål paths; `?lang=nn|en` for nynorsk and English.

const PAGE_CACHE = 'public, max-age=60';

/** The longest place the finder searches for: a name, not a text. */
const PLACE_MAX = 100;

/** Where `/` is: a municipality or region it does not know is a 404 page, never an error. */
const finderAreaSchema = z.object({
  kommune: municipalityNumberSchema.optional(),
  region: z.uuid().optional(),
});
const needSchema = z.enum(finderNeeds);
const whenSchema = z.union([z.literal('na'), weekdaySchema]);

const emptyToUndefined = (query: Record<string, string>) => Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));

/**
 * What the search asks for, and what it set aside: a place too long to search for stays in the
 * form to be shortened; a need or time it does not know (an old link) is left out. Either is
 * said on the search page, not a 404.
 */
function readSearch(raw: Record<string, string | undefined>) {
  const sted = raw['sted']?.trim() || undefined;
  const behov = raw['behov'] === undefined ? undefined : needSchema.safeParse(raw['behov']);
  const nar = raw['nar'] === undefined ? undefined : whenSchema.safeParse(raw['nar']);
  return {
    sted,
    placeTooLong: sted !== undefined && sted.length > PLACE_MAX,
    behov: behov?.success ? behov.data : undefined,
    nar: nar?.success ? nar.data : undefined,
    unknownChoice: behov?.success === false || nar?.success === false,
  };
}

/** The finder's 404 page: for an unknown municipality, library or study centre, and any address no route has. */
export function notFoundPage(c: Context<AppEnv>, reader: Reader = readerOf(c.req.query('lang'))): Response | Promise<Response> {
  const body = finderPage({
    reader,
    title: `${reader.t.notFound.title} – ${reader.t.siteName}`,
    description: reader.t.description,
    path: '/',
    origin: publicUrlOf(c.get('deps').config),
    body: notFoundBody(reader),
  });
  return c.html(body, 404);
}

function page(c: Context<AppEnv>, content: Html): Response | Promise<Response> {
  c.header('Cache-Control', PAGE_CACHE);
  return c.html(content);
}

/** schema.org's Library: address, contact, this week's staffed hours, the services as amenities. */
function libraryJsonLd(library: PublicLibrary, origin: string, reader: Reader) {
  const dayNames: Record<Weekday, string> = { mo: 'Monday', tu: 'Tuesday', we: 'Wednesday', th: 'Thursday', fr: 'Friday', sa: 'Saturday', su: 'Sunday' };
  return {
    '@context': 'https://schema.org',
    '@type': 'Library',
    '@id': `${origin}${library.url}`,
    name: library.name,
    url: `${origin}${library.url}`,
    address: {
      '@type': 'PostalAddress',
      ...(library.address ? { streetAddress: library.address } : {}),
      addressLocality: library.municipality.name,
      addressRegion: 'Trøndelag',
      addressCountry: 'NO',
    },
    ...(library.phone ? { telephone: library.phone } : {}),
    ...(library.email ? { email: library.email } : {}),
    ...(library.mainLibrary ? { parentOrganization: { '@type': 'Library', name: library.mainLibrary.name } } : {}),
    openingHoursSpecification: (library.hours?.thisWeek.days ?? []).flatMap((day) => {
      const staffed = day.periods.filter((period) => period.kind === 'staffed');
      const base = { '@type': 'OpeningHoursSpecification', dayOfWeek: `https://schema.org/${dayNames[day.weekday]}`, validFrom: day.date, validThrough: day.date };
      return staffed.length === 0 ? [withFields(base, { opens: '00:00', closes: '00:00' })] : staffed.map((period) => withFields(base, { opens: period.from, closes: period.to }));
    }),
    ...(library.photos.length ? { image: library.photos.map((photo) => `${origin}${photo.url}`) } : {}),
    amenityFeature: library.services.map((service) => ({ '@type': 'LocationFeatureSpecification', name: reader.t.serviceType[service.type], value: true })),
  };
}

export const finderRouter = new Hono<AppEnv>();
// The pages given again from memory for the minute caches may keep them, as the open data's
// answers are (answer-reuse.ts): outside compression, so the bytes kept are the bytes sent.
finderRouter.use('/', reuseAnswers());
finderRouter.use('/finn/bibliotek/*', reuseAnswers());
finderRouter.use('/finn/studiesenter/:id', reuseAnswers());
// The pages and scripts gzipped for a browser that asks (a page is ~10 KiB, ~3 KiB gzipped); only
// the finder's own paths, since this router is mounted at the root beside the API and the apps.
finderRouter.use('/', compress());
finderRouter.use('/finn/*', compress());

finderRouter.get('/', async (c) => {
  const reader = readerOf(c.req.query('lang'));
  const { lang: _lang, ...rest } = c.req.query();
  const given = emptyToUndefined(rest);
  const area = finderAreaSchema.safeParse({ kommune: given['kommune'], region: given['region'] });
  if (!area.success) return notFoundPage(c, reader);
  const search = readSearch(given);
  const query: FinderQuery = { sted: search.sted, behov: search.behov, nar: search.nar, ...area.data };
  const db = c.get('deps').db;
  const { t } = reader;
  const municipalities = await everyMunicipality(db, c.get('deps').readReuse);
  const municipality = query.kommune ? municipalities.find((m) => m.number === query.kommune) : undefined;
  const regions = await listRegions(db);
  const region = query.region ? regions.find((r) => r.id === query.region) : undefined;
  if ((query.kommune && !municipality) || (query.region && !region)) return notFoundPage(c, reader);

  const searching = Object.values(query).some(Boolean);
  const weekday = search.nar && search.nar !== 'na' ? search.nar : null;
  const day = weekday ? { weekday, date: nextDateOn(weekday, new Date()) } : null;
  let results: Html = search.unknownChoice ? html`<p class="notice" role="status">${t.search.unknownChoice}</p>` : html``;
  // A place too long is not searched for: the form says so beside it, with the text to shorten.
  if (searching && !search.placeTooLong) {
    const libraries = await searchPublicLibraries(db, {
      q: query.sted,
      municipality: query.kommune,
      region: query.region,
      service: search.behov,
      openNow: search.nar === 'na' ? true : undefined,
      openOn: weekday ?? undefined,
    });
    const timetables = day ? await publishedTimetables(db, libraries.map((l) => l.id)) : new Map();
    const hoursOn = (library: PublicLibrary) => {
      const timetable = day ? timetables.get(library.id) : undefined;
      const periods = timetable && day ? periodsOn(timetable, day.date, norwegianPublicHolidays).periods : [];
      if (periods.length === 0) return null;
      const of = (kind: 'staffed' | 'self_service', label: string) => {
        const text = periodsText(periods.filter((period) => period.kind === kind));
        return text ? `${label} ${text}` : null;
      };
      return [of('staffed', reader.t.library.staffed), of('self_service', reader.t.library.selfService)].filter(Boolean).join(' · ');
    };
    // The places have no postcodes: a postcode finds nothing, so say what the search is by.
    const hint = libraries.length === 0 && query.sted && /^\d{4}$/.test(query.sted) ? t.search.notPostcode : null;
    results = html`${results}${resultList(reader, libraries, day, hoursOn, hint)}`;
  }
  const areaName = municipality?.name ?? region?.name;
  const heading = areaName ? `${t.search.heading}: ${areaName}` : t.search.heading;
  const byRegion = regions.map((r) => ({ region: r, municipalities: municipalities.filter((m) => m.regionId === r.id) }));
  const centres = await listPublicStudyCentres(db);
  const quick = html`<nav aria-labelledby="quick-heading"><h2 id="quick-heading">${t.search.quickHeading}</h2>
<ul class="quick">
<li><a href="${reader.href('/', { behov: 'study_places', nar: 'na' })}#results">${t.search.studyPlacesOpenNow}</a></li>
<li><a href="${reader.href('/', { behov: 'exam_invigilation' })}#results">${t.needs.exam_invigilation}</a></li>
<li><a href="${reader.href('/', { behov: 'university_loan_pickup' })}#results">${t.needs.university_loan_pickup}</a></li>
</ul></nav>`;
  const browse = html`${quick}<section aria-labelledby="browse-heading"><h2 id="browse-heading">${t.search.browseHeading}</h2>
<ul class="areas">${byRegion.map(
    (entry) => html`<li><a href="${reader.href('/', { region: entry.region.id })}"><strong>${entry.region.name}</strong></a>: ${entry.municipalities.map(
      (m, index) => html`${index ? ', ' : ''}<a href="${reader.href('/', { kommune: m.number })}">${m.name}</a>`,
    )}</li>`,
  )}</ul></section>
<section aria-labelledby="centres-heading"><h2 id="centres-heading">${t.search.centresHeading}</h2>
<ul>${centres.map((centre) => html`<li><a href="${reader.href(centre.url)}">${centre.name}</a></li>`)}</ul></section>`;

  const origin = publicUrlOf(c.get('deps').config);
  return page(
    c,
    finderPage({
      reader,
      origin: publicUrlOf(c.get('deps').config),
      title: areaName ? `${areaName} – ${t.siteName}` : t.siteName,
      description: t.description,
      path: '/',
      query: { ...query },
      head: jsonLd({ '@context': 'https://schema.org', '@type': 'WebSite', name: t.siteName, url: `${origin}/`, inLanguage: reader.lang }),
      liveStatus: searching,
      body: html`<h1>${heading}</h1><p>${t.search.intro}</p>${searchForm(reader, query, search.placeTooLong ? reader.fill(t.search.placeTooLong, { max: PLACE_MAX }) : null)}${results}${searching ? '' : browse}`,
    }),
  );
});

finderRouter.get('/finn', (c) => c.redirect('/', 301));
finderRouter.get('/finn/', (c) => c.redirect('/', 301));

// The pages name the script with its version (`?v=`), so that address may be kept for a year.
finderRouter.get('/finn/finder.js', (c) =>
  c.body(FINDER_JS, 200, {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': c.req.query('v') === FINDER_JS_VERSION ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
  }),
);

const widgetJs = widgetScript(
  Object.fromEntries(
    languages.map((lang) => {
      const t = finderTexts[lang];
      const { today, staffed, selfService, closed, servicesHeading, noHours } = t.library;
      return [lang, { today, staffed, selfService, closed, servicesHeading, noHours, serviceType: t.serviceType, status: t.status }];
    }),
  ) as Parameters<typeof widgetScript>[0],
);
finderRouter.get('/finn/widget.js', (c) => {
  c.header('Cross-Origin-Resource-Policy', 'cross-origin');
  return c.body(widgetJs, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' });
});

finderRouter.get('/finn/bibliotek/:slug', async (c) => {
  const reader = readerOf(c.req.query('lang'));
  const library = await findPublicLibrary(c.get('deps').db, c.req.param('slug'));
  if (!library) return notFoundPage(c, reader);
  const { t } = reader;
  const origin = publicUrlOf(c.get('deps').config);
  const today = library.hours?.today;
  const todayText = today ? (today.periods.length ? `${t.library.today}: ${periodsText(today.periods)}` : `${t.library.today}: ${t.library.closed}`) : t.status.unknown;
  const services = library.services.map((s) => t.serviceType[s.type]).join(', ');
  return page(
    c,
    finderPage({
      reader,
      origin: publicUrlOf(c.get('deps').config),
      title: `${library.name} – ${t.siteName}`,
      description: `${library.name}, ${reader.fill(t.library.municipality, { municipality: library.municipality.name })}. ${todayText}.${services ? ` ${t.library.servicesHeading}: ${services}.` : ''}`,
      path: library.url,
      head: jsonLd(libraryJsonLd(library, origin, reader)),
      liveStatus: library.hours !== null,
      body: html`<p><a href="${reader.href('/', { kommune: library.municipality.number })}">← ${reader.fill(t.library.municipality, { municipality: library.municipality.name })}</a></p>
<h1>${library.name}</h1>
${library.mainLibrary ? html`<p class="place">${reader.fill(t.library.branchOf, { name: library.mainLibrary.name })}</p>` : ''}
${statusNow(reader, library)}
${hoursSection(reader, library.hours, (await publishedTimetables(c.get('deps').db, [library.id])).get(library.id) ?? null)}
${servicesSection(reader, library.services)}
${contactSection(reader, library, library.municipality.name)}
${photosSection(reader, library.photos)}
${studyCentresSection(reader, library.studyCentres)}`,
    }),
  );
});

finderRouter.get('/finn/studiesenter/:id', async (c) => {
  const reader = readerOf(c.req.query('lang'));
  const centre = (await listPublicStudyCentres(c.get('deps').db)).find((candidate) => candidate.id === c.req.param('id'));
  if (!centre) return notFoundPage(c, reader);
  const { t } = reader;
  const numbers = new Set(centre.municipalities.map((m) => m.number));
  const libraries = (await searchPublicLibraries(c.get('deps').db, {})).filter((library) => numbers.has(library.municipality.number));
  const brochureLanguages = [reader.lang, ...languages.filter((lang) => lang !== reader.lang)];
  return page(
    c,
    finderPage({
      reader,
      origin: publicUrlOf(c.get('deps').config),
      title: `${centre.name} – ${t.siteName}`,
      description: reader.fill(t.centre.intro, { name: centre.name }),
      path: centre.url,
      liveStatus: libraries.length > 0,
      body: html`<h1>${centre.name}</h1>
<p>${reader.fill(t.centre.intro, { name: centre.name })}</p>
${centreArea(reader, centre)}
<section aria-labelledby="brochure-heading"><h2 id="brochure-heading">${t.centre.brochureHeading}</h2>
<ul>${brochureLanguages.map(
        (lang) => html`<li><a href="/finn/studiesenter/${centre.id}/brosjyre-${lang}.pdf" hreflang="${lang}" type="application/pdf">${reader.fill(t.centre.brochureLink, { language: finderLanguageName(lang) })}</a></li>`,
      )}</ul></section>
<section aria-labelledby="libraries-heading"><h2 id="libraries-heading">${t.centre.libraries}</h2>
<ul class="cards">${libraries.map((library) => libraryCard(reader, library, null))}</ul></section>
${contactSection(reader, centre, null)}`,
    }),
  );
});

const finderLanguageName = (lang: string) => ({ nb: 'bokmål', nn: 'nynorsk', en: 'English' })[lang] ?? lang;

finderRouter.get('/finn/studiesenter/:id/:file{brosjyre-(nb|nn|en)\\.pdf}', async (c) => {
  const reader = readerOf(c.req.query('lang'));
  const id = z.uuid().safeParse(c.req.param('id'));
  const lang = brochureLanguageSchema.parse(c.req.param('file').slice('brosjyre-'.length, -'.pdf'.length));
  if (!id.success) return notFoundPage(c, reader);
  const centres = await listPublicStudyCentres(c.get('deps').db);
  if (!centres.some((centre) => centre.id === id.data)) return notFoundPage(c, reader);
  const brochure = await getPublicBrochure(c.get('deps').db, id.data);
  return brochurePdfResponse(c, brochure, lang, await brochureTimetables(c.get('deps').db, brochure), 'public, max-age=300');
});

finderRouter.get('/finn/*', (c) => notFoundPage(c, readerOf(c.req.query('lang'))));
