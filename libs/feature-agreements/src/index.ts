export { createAgreementRoutes, createCoverageRoute } from './agreement-routes';
export type { AgreementCreation } from './agreement-feature-context';
export { PartyAcceptance, PartyDecisionText, mayAnswerFor } from './agreement-acceptance';
export { PendingAcceptances } from './pending-acceptances';
export { pendingAcceptancesFirstData, pendingTasksFirstData } from './pending-acceptances-data';
export { PendingAmendments } from './pending-amendments';
export { AgreementSettingsForm } from './agreement-settings-form';
