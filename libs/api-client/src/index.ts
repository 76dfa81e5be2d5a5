export { ApiError } from './api-error';
export { apiUrl, configureApi } from './client';
export { municipalityQueries, regionQueries } from './reference.queries';
export { actorQueries, useCreateActor, useUpdateActor, useArchiveActor, useRestoreActor, type ActorListFilters } from './actor.queries';
export {
  authProvidersQuery,
  meQueries,
  oidcStartPath,
  UNAUTHORISED_IS_AN_ANSWER,
  useLogin,
  useLogout,
  useRequestPasswordReset,
  useResetPassword,
  useSwitchOrganisation,
} from './auth.queries';
export {
  userQueries,
  useEndUserSessions,
  useInviteUser,
  useResendInvitation,
  useSetUserDisabled,
  useUpdateMemberships,
  type UserListFilters,
} from './user.queries';
export {
  agreementQueries,
  coverageQueries,
  useAcceptAgreement,
  useCreateAgreement,
  useRemoveAgreementDocument,
  useRenewAgreement,
  useTransitionAgreement,
  useUpdateAgreement,
  useUploadAgreementDocument,
  type AgreementListFilters,
} from './agreement.queries';
export { serviceQueries, type ServiceListFilters } from './service.queries';
