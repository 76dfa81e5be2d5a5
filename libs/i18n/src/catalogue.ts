import type { nb } from './catalogues/nb';

/** The shape every language must fill: the keys of the bokmål catalogue, each a text. */
export type Catalogue = typeof nb;

// Every `t('…')` in the workspace is checked against the catalogue's keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
