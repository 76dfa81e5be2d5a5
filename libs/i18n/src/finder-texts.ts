import nbFinder from './catalogues/nb/finder.json';
import nnFinder from './catalogues/nn/finder.json';
import enFinder from './catalogues/en/finder.json';
import nbShared from './catalogues/nb/shared.json';
import nnShared from './catalogues/nn/shared.json';
import enShared from './catalogues/en/shared.json';
import type { Language } from './languages';

/**
 * The public student finder's words in each language, for the server that renders its pages
 * (no i18next there): the catalogue's `finder` namespace and the shared service-type names. The
 * same files are in each language's catalogue, so the catalogue's test checks them like the rest.
 */
export type FinderTexts = (typeof nbFinder)['finder'] & { serviceType: (typeof nbShared)['serviceType'] };

export const finderTexts: Record<Language, FinderTexts> = {
  nb: { ...nbFinder.finder, serviceType: nbShared.serviceType },
  nn: { ...nnFinder.finder, serviceType: nnShared.serviceType },
  en: { ...enFinder.finder, serviceType: enShared.serviceType },
};

/** A text with its {{variables}} filled in. */
export function fillIn(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
