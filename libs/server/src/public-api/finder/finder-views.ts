import { html } from 'hono/html';
import { servicesOnlyBokmalNotice, weekDifferences, weekHasTimetable, weekdays, type OpeningHoursInput, type ServiceConditions, type Weekday } from '@kompetansebro/domain';
import { finderNeeds, type PublicHours, type PublicLibrary, type PublicPhoto, type PublicService, type PublicStudyCentre } from '../public.schema';
import { dateText, momentText, periodsText, type Reader } from './finder-language';
import type { Html } from './finder-layout';

// The finder's pages as HTML fragments: what a student reads, whether or not the script runs.

/** What the search form holds; the same names are the query string of `/`. */
export interface FinderQuery {
  sted?: string | undefined;
  behov?: string | undefined;
  nar?: string | undefined;
  kommune?: string | undefined;
  region?: string | undefined;
}

/** The search form; `placeError` says beside the place what is wrong with it (its text stays, to be fixed). */
export function searchForm(reader: Reader, query: FinderQuery, placeError: string | null = null): Html {
  const { t } = reader;
  const selected = (value: string | undefined, option: string) => (value === option ? html` selected` : '');
  // The answer page opens at its results (on a phone the form fills the first screen).
  return html`<form class="search" method="get" action="/#results" role="search">
${reader.lang === 'nb' ? '' : html`<input type="hidden" name="lang" value="${reader.lang}">`}
${query.kommune ? html`<input type="hidden" name="kommune" value="${query.kommune}">` : ''}
${query.region ? html`<input type="hidden" name="region" value="${query.region}">` : ''}
<div class="field"><label for="sted">${t.search.place}</label>
<span class="help" id="sted-help">${t.search.placeHelp}</span>
${placeError ? html`<span class="field-error" id="sted-error">${placeError}</span>` : ''}
<input id="sted" name="sted" type="search" value="${query.sted ?? ''}" aria-describedby="${placeError ? 'sted-help sted-error' : 'sted-help'}"${placeError ? html` aria-invalid="true"` : ''} autocomplete="address-level2"></div>
<div class="field"><label for="behov">${t.search.need}</label>
<select id="behov" name="behov"><option value="">${t.search.anyNeed}</option>
${finderNeeds.map((need) => html`<option value="${need}"${selected(query.behov, need)}>${t.needs[need]}</option>`)}
</select></div>
<div class="field"><label for="nar">${t.search.when}</label>
<select id="nar" name="nar"><option value="">${t.search.anyTime}</option>
<option value="na"${selected(query.nar, 'na')}>${t.search.openNow}</option>
${weekdays.map((day) => html`<option value="${day}"${selected(query.nar, day)}>${reader.fill(t.search.openOn, { day: t.weekday[day] })}</option>`)}
</select></div>
<button type="submit">${t.search.submit}</button>
</form>`;
}

/** Staffed / self-service / closed now, and when it opens next; refreshed by the script each minute. */
export function statusNow(reader: Reader, library: PublicLibrary): Html {
  const { t } = reader;
  const hours = library.hours;
  if (!hours) return html`<p class="status unknown">${t.status.unknown}</p>`;
  const next = hours.now.state === 'closed' && hours.now.nextOpening ? html` <span class="next">${reader.fill(t.status.nextOpening, { when: momentText(reader, hours.now.nextOpening, hours.today.date) })}</span>` : '';
  return html`<p class="status ${hours.now.state}" data-status="${library.id}"><strong>${t.status[hours.now.state]}</strong>${next}</p>`;
}

function serviceTags(reader: Reader, services: readonly PublicService[]): Html {
  if (services.length === 0) return html``;
  return html`<ul class="tags">${services.map((service) => html`<li>${reader.t.serviceType[service.type]}</li>`)}</ul>`;
}

/** One library in a list of results: name, place, status now, the chosen day's hours, its services. */
export function libraryCard(reader: Reader, library: PublicLibrary, day: { weekday: Weekday; date: string; periods: string | null } | null): Html {
  const { t } = reader;
  const place = [library.municipality.name, library.region?.name].filter(Boolean).join(', ');
  const dayLine = day
    ? html`<p class="day">${day.periods ? reader.fill(t.results.hoursOn, { day: t.weekday[day.weekday], date: dateText(day.date), hours: day.periods }) : reader.fill(t.results.closedOn, { day: t.weekday[day.weekday], date: dateText(day.date) })}</p>`
    : '';
  return html`<li class="card"><h3><a href="${reader.href(library.url)}">${library.name}</a></h3>
<p class="place">${place}</p>
${statusNow(reader, library)}${dayLine}${serviceTags(reader, library.services)}</li>`;
}

export function resultList(
  reader: Reader,
  libraries: readonly PublicLibrary[],
  day: { weekday: Weekday; date: string } | null,
  hoursOn: (library: PublicLibrary) => string | null,
  hint: string | null = null,
): Html {
  const { t } = reader;
  return html`<section id="results" aria-labelledby="results-heading"><h2 id="results-heading">${t.results.heading}</h2>
<p role="status">${reader.fill(t.results.count, { count: libraries.length })} · <a href="${reader.href('/')}">${t.search.newSearch}</a></p>
${libraries.length === 0 ? html`<p>${hint ?? t.results.none}</p>` : html`<ul class="cards">${libraries.map((library) => libraryCard(reader, library, day ? { ...day, periods: hoursOn(library) } : null))}</ul>`}
</section>`;
}

/** The conditions of a service in plain words, in the reader's language. */
export function conditionsText(reader: Reader, conditions: ServiceConditions, weeklyHours: number | null, type: PublicService['type']): string[] {
  const c = reader.t.conditions;
  const parts: string[] = [];
  if (conditions.hours && type !== 'staffed_hours' && type !== 'self_service_hours') parts.push(c[`hours_${conditions.hours}`]);
  if (weeklyHours !== null) parts.push(reader.fill(c.hoursPerWeek, { hours: reader.lang === 'en' ? String(weeklyHours) : String(weeklyHours).replace('.', ',') }));
  if (conditions.capacity !== null) parts.push(reader.fill(c.capacity, { count: conditions.capacity }));
  if (conditions.ageLimit !== null) parts.push(reader.fill(c.ageLimit, { age: conditions.ageLimit }));
  if (conditions.bookingLeadTimeDays !== null && conditions.bookingLeadTimeDays > 0)
    parts.push(conditions.bookingLeadTimeDays === 1 ? c.bookDayBefore : reader.fill(c.bookAhead, { days: conditions.bookingLeadTimeDays }));
  if (conditions.contractRequired) parts.push(c.contractRequired);
  return parts;
}

/**
 * The services with their conditions in the reader's language and the library's own texts, kept
 * only in bokmål: each marked `lang="nb"`, and said so once to a reader of another language.
 */
export function servicesSection(reader: Reader, services: readonly PublicService[]): Html {
  const { t } = reader;
  const bokmalOnly = servicesOnlyBokmalNotice(reader.lang, services);
  return html`<section aria-labelledby="services-heading"><h2 id="services-heading">${t.library.servicesHeading}</h2>
${bokmalOnly ? html`<p class="note">${bokmalOnly}</p>` : ''}
${services.length === 0
  ? html`<p>${t.library.noServices}</p>`
  : html`<ul class="services">${services.map((service) => {
      const conditions = conditionsText(reader, service.conditions, service.weeklyHours, service.type);
      const notes = [service.description, service.conditions.note].filter((note): note is string => Boolean(note));
      return html`<li><h3>${t.serviceType[service.type]}</h3>${conditions.length ? html`<p>${conditions.join(' · ')}</p>` : ''}${notes.map((note) => html`<p lang="nb">${note}</p>`)}</li>`;
    })}</ul>`}
</section>`;
}

export function hoursSection(reader: Reader, hours: PublicHours | null, timetable: OpeningHoursInput | null): Html {
  const { t } = reader;
  if (!hours || !timetable) return html`<section aria-labelledby="hours-heading"><h2 id="hours-heading">${t.library.hoursHeading}</h2><p>${t.library.noHours}</p></section>`;
  // "Stengt" for a kind without hours that day ("–" reads as unknown); nothing of self-service for a library without it.
  const selfService = hours.offersSelfService;
  const kindText = (periods: PublicHours['today']['periods'], kind: 'staffed' | 'self_service') => periodsText(periods.filter((p) => p.kind === kind)) || t.library.closed;
  // "10:00–16:00" kept on one line in a narrow column; several periods wrap between them.
  const kindCell = (periods: PublicHours['today']['periods'], kind: 'staffed' | 'self_service') => {
    const ofKind = periods.filter((p) => p.kind === kind);
    return ofKind.length ? ofKind.map((period, index) => html`${index ? ', ' : ''}<span class="period">${period.from}–${period.to}</span>`) : t.library.closed;
  };
  const today = hours.today.periods.length
    ? `${t.library.staffed}: ${kindText(hours.today.periods, 'staffed')}.${selfService ? ` ${t.library.selfService}: ${kindText(hours.today.periods, 'self_service')}.` : ''}`
    : t.library.closed;
  // The week day by day only with a timetable for it (never a week of "Stengt" from a lone single
  // day); the note only on days whose hours differ, a season over the whole week named once.
  const week = weekHasTimetable(timetable, hours.thisWeek);
  const differences = weekDifferences(timetable, hours.thisWeek);
  const differing = new Set(differences.days.map((day) => day.date));
  const season = differences.season;
  const weekTable = week
    ? html`<table class="week"><caption>${t.library.thisWeek}</caption>
<thead><tr><th scope="col">${t.library.day}</th><th scope="col">${t.library.staffed}</th>${selfService ? html`<th scope="col">${t.library.selfService}</th>` : ''}</tr></thead>
<tbody>${hours.thisWeek.days.map(
    (day) => html`<tr${day.date === hours.today.date ? html` class="today" aria-current="date"` : ''}><th scope="row">${t.weekday[day.weekday]} ${dateText(day.date)}${day.reason && differing.has(day.date) ? html` <span class="reason" lang="nb">${day.reason}</span>` : ''}</th>
<td>${kindCell(day.periods, 'staffed')}</td>${selfService ? html`<td>${kindCell(day.periods, 'self_service')}</td>` : ''}</tr>`,
  )}</tbody></table>
${season ? html`<p class="note">${reader.fill(t.library.weekInSeason, { season: season.name, from: dateText(season.from), to: dateText(season.to) })}</p>` : ''}
${differences.days.length > 0 ? html`<p class="note">${t.library.weekDiffers}</p>` : ''}`
    : '';
  return html`<section aria-labelledby="hours-heading"><h2 id="hours-heading">${t.library.hoursHeading}</h2>
<p><strong>${t.library.today}:</strong> ${today}${hours.today.reason ? html` <span lang="nb">(${hours.today.reason})</span>` : ''}</p>
${weekTable}
${selfService ? html`<p class="note">${t.library.selfServiceHelp}</p>` : ''}
</section>`;
}

/** A library's or study centre's address (with directions) and switchboard contact; `place` is the municipality, when known. */
export function contactSection(reader: Reader, library: Pick<PublicLibrary, 'name' | 'address' | 'phone' | 'email' | 'website'>, place: string | null): Html {
  const { t } = reader;
  const osm = `https://www.openstreetmap.org/search?query=${encodeURIComponent([library.address ?? library.name, place].filter(Boolean).join(', '))}`;
  return html`<section aria-labelledby="contact-heading"><h2 id="contact-heading">${t.library.contactHeading}</h2>
<dl class="facts">
<dt>${t.library.address}</dt><dd>${library.address ? html`<span lang="nb">${library.address}</span>` : t.library.noAddress} <a href="${osm}">${t.library.directions}</a></dd>
${library.phone ? html`<dt>${t.library.phone}</dt><dd><a href="tel:${library.phone.replace(/\s/g, '')}">${library.phone}</a></dd>` : ''}
${library.email ? html`<dt>${t.library.email}</dt><dd><a href="mailto:${library.email}">${library.email}</a></dd>` : ''}
${library.website ? html`<dt>${t.library.website}</dt><dd><a href="${library.website}">${library.website}</a></dd>` : ''}
</dl></section>`;
}

/**
 * The photos the library published, below the facts a student came for (so none is the page's
 * largest paint on a phone, and none loads before it is scrolled to): the small size or the large
 * one as the screen needs, the box reserved by width and height, the alt text in bokmål as the
 * library wrote it, the photographer and licence credited.
 */
export function photosSection(reader: Reader, photos: readonly PublicPhoto[]): Html {
  if (photos.length === 0) return html``;
  const { t } = reader;
  return html`<section aria-labelledby="photos-heading"><h2 id="photos-heading">${t.library.photosHeading}</h2>
<ul class="photos">${photos.map(
    (photo) => html`<li><figure><img src="${photo.thumbnailUrl}" srcset="${photo.thumbnailUrl} ${photo.thumbnailWidth}w, ${photo.url} ${photo.width}w" sizes="(min-width: 48rem) 29rem, calc(100vw - 2rem)" width="${photo.thumbnailWidth}" height="${photo.thumbnailHeight}" alt="${photo.alt}" lang="nb" loading="lazy" decoding="async">
<figcaption>${reader.fill(t.library.photoCredit, { photographer: photo.photographer })}${photo.licence ? html`, <span lang="nb">${photo.licence}</span>` : ''}</figcaption></figure></li>`,
  )}</ul></section>`;
}

export function studyCentresSection(reader: Reader, centres: PublicLibrary['studyCentres']): Html {
  if (centres.length === 0) return html``;
  return html`<section aria-labelledby="centres-heading"><h2 id="centres-heading">${reader.t.library.studyCentresHeading}</h2>
${centres.map((centre) => html`<p>${reader.fill(reader.t.library.studyCentre, { name: centre.name })} <a href="${reader.href(`/finn/studiesenter/${centre.id}`)}">${centre.name}</a></p>`)}
</section>`;
}

export function centreArea(reader: Reader, centre: PublicStudyCentre): Html {
  return html`<p>${reader.t.centre.municipalities}: ${centre.municipalities.map((m, index) => html`${index ? ', ' : ''}<a href="${reader.href('/', { kommune: m.number })}">${m.name}</a>`)}</p>`;
}

export function notFoundBody(reader: Reader): Html {
  return html`<h1>${reader.t.notFound.title}</h1><p>${reader.t.notFound.text}</p><p><a href="${reader.href('/')}">${reader.t.notFound.back}</a></p>`;
}
