import type nbShared from './catalogues/nb/shared.json';
import type nnShared from './catalogues/nn/shared.json';
import type enShared from './catalogues/en/shared.json';
import type nbActivities from './catalogues/nb/activities.json';
import type nnActivities from './catalogues/nn/activities.json';
import type enActivities from './catalogues/en/activities.json';
import type nbActors from './catalogues/nb/actors.json';
import type nnActors from './catalogues/nn/actors.json';
import type enActors from './catalogues/en/actors.json';
import type nbAgreements from './catalogues/nb/agreements.json';
import type nnAgreements from './catalogues/nn/agreements.json';
import type enAgreements from './catalogues/en/agreements.json';
import type nbHistory from './catalogues/nb/history.json';
import type nnHistory from './catalogues/nn/history.json';
import type enHistory from './catalogues/en/history.json';
import type nbInitiatives from './catalogues/nb/initiatives.json';
import type nnInitiatives from './catalogues/nn/initiatives.json';
import type enInitiatives from './catalogues/en/initiatives.json';
import type nbLiaison from './catalogues/nb/liaison.json';
import type nnLiaison from './catalogues/nn/liaison.json';
import type enLiaison from './catalogues/en/liaison.json';
import type nbOverview from './catalogues/nb/overview.json';
import type nnOverview from './catalogues/nn/overview.json';
import type enOverview from './catalogues/en/overview.json';
import type nbPortal from './catalogues/nb/portal.json';
import type nnPortal from './catalogues/nn/portal.json';
import type enPortal from './catalogues/en/portal.json';
import type nbReports from './catalogues/nb/reports.json';
import type nnReports from './catalogues/nn/reports.json';
import type enReports from './catalogues/en/reports.json';
import type nbFinder from './catalogues/nb/finder.json';
import type nnFinder from './catalogues/nn/finder.json';
import type enFinder from './catalogues/en/finder.json';
import type nbSurvey from './catalogues/nb/survey.json';
import type nnSurvey from './catalogues/nn/survey.json';
import type enSurvey from './catalogues/en/survey.json';
import type nbImport from './catalogues/nb/import.json';
import type nnImport from './catalogues/nn/import.json';
import type enImport from './catalogues/en/import.json';
import type nbAccount from './catalogues/nb/account.json';
import type nnAccount from './catalogues/nn/account.json';
import type enAccount from './catalogues/en/account.json';

/**
 * The namespace files of catalogues/, one row each: bokmål, then nynorsk and English, which the
 * compiler checks have every key bokmål has. (catalogue.unit.test.ts catches the rest: keys
 * bokmål lacks, empty texts, {{variables}} and <tags> that differ, a file missing in a language.)
 */
type Namespaces =
  & Namespace<typeof nbShared, typeof nnShared, typeof enShared>
  & Namespace<typeof nbActivities, typeof nnActivities, typeof enActivities>
  & Namespace<typeof nbActors, typeof nnActors, typeof enActors>
  & Namespace<typeof nbAgreements, typeof nnAgreements, typeof enAgreements>
  & Namespace<typeof nbHistory, typeof nnHistory, typeof enHistory>
  & Namespace<typeof nbInitiatives, typeof nnInitiatives, typeof enInitiatives>
  & Namespace<typeof nbLiaison, typeof nnLiaison, typeof enLiaison>
  & Namespace<typeof nbOverview, typeof nnOverview, typeof enOverview>
  & Namespace<typeof nbPortal, typeof nnPortal, typeof enPortal>
  & Namespace<typeof nbReports, typeof nnReports, typeof enReports>
  & Namespace<typeof nbSurvey, typeof nnSurvey, typeof enSurvey>
  & Namespace<typeof nbFinder, typeof nnFinder, typeof enFinder>
  & Namespace<typeof nbImport, typeof nnImport, typeof enImport>
  & Namespace<typeof nbAccount, typeof nnAccount, typeof enAccount>;

/** A namespace's shape is bokmål's; nynorsk and English must fill it (a missing key fails the constraint). */
type Namespace<Nb, _Nn extends Nb, _En extends Nb> = Nb;

/** The shape every language must fill: the keys of the bokmål catalogue, each a text. */
export type Catalogue = { [Key in keyof Namespaces]: Namespaces[Key] };

// Every `t('…')` in the workspace is checked against the catalogue's keys.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalogue };
  }
}
