/** `?lang=` of the brochure page: the brochure's own language, which may differ from the reader's. */
export interface BrochureSearch {
  lang?: 'nb' | 'nn' | 'en';
}

export function parseBrochureSearch(search: Record<string, unknown>): BrochureSearch {
  const lang = search['lang'];
  return lang === 'nb' || lang === 'nn' || lang === 'en' ? { lang } : {};
}

const contactSorts = ['name', '-name', 'actor', '-actor'] as const;
export type ContactsSort = (typeof contactSorts)[number];

/** `?q=&page=&sort=` of the contacts page. */
export interface ContactsSearch {
  q?: string;
  page?: number;
  sort?: ContactsSort;
}

export function parseContactsSearch(search: Record<string, unknown>): ContactsSearch {
  const result: ContactsSearch = {};
  const q = search['q'];
  if (typeof q === 'string' && q.trim() !== '') result.q = q.trim().slice(0, 200);
  const page = Number(search['page']);
  if (Number.isInteger(page) && page > 1 && page < 10_000) result.page = page;
  const sort = search['sort'];
  if (typeof sort === 'string' && (contactSorts as readonly string[]).includes(sort) && sort !== 'name') result.sort = sort as ContactsSort;
  return result;
}
