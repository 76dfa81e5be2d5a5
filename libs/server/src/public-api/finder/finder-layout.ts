import { html, raw } from 'hono/html';
import { languageAutonyms, languages } from '@kompetansebro/i18n';
import type { Reader } from './finder-language';
import { FINDER_CSS, FINDER_JS_VERSION } from './finder-assets';

export type Html = ReturnType<typeof html>;

/** JSON in a script element that is data, not code (the CSP allows no inline script): no `</script>` can end it early. */
const jsonScript = (attributes: string, data: unknown) => raw(`<script ${attributes}>${JSON.stringify(data).replace(/</g, '\\u003c')}</script>`);

/** schema.org facts for search engines. */
export const jsonLd = (data: unknown) => jsonScript('type="application/ld+json"', data);

/** Data for the page's script, by id. */
export const dataBlock = (id: string, data: unknown) => jsonScript(`type="application/json" id="${id}"`, data);

interface PageOptions {
  reader: Reader;
  title: string;
  description: string;
  /** The page's path without the language, for the language links and the canonical address. */
  path: string;
  /** This site's public address: the language links are absolute, as search engines want them. */
  origin: string;
  query?: Record<string, string | undefined>;
  body: Html;
  head?: Html;
  /** The page shows libraries' "open now": load the script that keeps it fresh, and the words it writes. */
  liveStatus?: boolean;
}

/**
 * The finder's page: every fact in the HTML (no script needed to read it), one small deferred
 * script that keeps "open now" fresh where the page shows it (none elsewhere), the CSS inline (one
 * request less before the first paint).
 */
export function finderPage({ reader, title, description, path, origin, query = {}, body, head, liveStatus = false }: PageOptions): Html {
  const { t } = reader;
  const withLanguage = (lang: string) => {
    const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1])));
    if (lang !== 'nb') params.set('lang', lang);
    const search = params.toString();
    return search ? `${path}?${search}` : path;
  };
  return html`<!doctype html>
<html lang="${reader.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<meta name="description" content="${description}">
<link rel="canonical" href="${origin}${withLanguage(reader.lang)}">
${languages.map((lang) => html`<link rel="alternate" hreflang="${lang}" href="${origin}${withLanguage(lang)}">`)}
<link rel="alternate" hreflang="x-default" href="${origin}${withLanguage('nb')}">
<link rel="icon" href="data:,">
<style>${raw(FINDER_CSS)}</style>
${liveStatus ? html`<script src="/finn/finder.js?v=${FINDER_JS_VERSION}" defer></script>` : ''}
${head}
${liveStatus ? dataBlock('finder-status', { staffed: t.status.staffed, self_service: t.status.self_service, closed: t.status.closed }) : ''}
</head>
<body>
<a class="skip" href="#main">${t.skipLink}</a>
<header class="top">
<div class="wrap">
<a class="site" href="${reader.href('/')}">${t.siteName}</a>
<nav aria-label="${t.languageNav}"><ul class="langs">
${languages.map((lang) =>
  lang === reader.lang
    ? html`<li><a href="${withLanguage(lang)}" lang="${lang}" hreflang="${lang}" aria-current="true">${languageAutonyms[lang]}</a></li>`
    : html`<li><a href="${withLanguage(lang)}" lang="${lang}" hreflang="${lang}">${languageAutonyms[lang]}</a></li>`,
)}
</ul></nav>
</div>
</header>
<main id="main" class="wrap">
${body}
</main>
<footer class="wrap foot">
<a href="/api/docs">${t.footer.openData}</a> · <a href="/fylke/">${t.footer.staff}</a>
</footer>
</body>
</html>`;
}
