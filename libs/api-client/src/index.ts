export { ApiError } from './api-error';
export { apiUrl, configureApi } from './client';
export { municipalityQueries, regionQueries } from './reference.queries';
export { actorQueries, useCreateActor, useUpdateActor, useArchiveActor, useRestoreActor, useMergeActor, type ActorListFilters } from './actor.queries';
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
  useDecideAgreement,
  useProposeAmendment,
  useAcceptAmendment,
  agreementAcceptanceQueries,
  agreementSettingsQueries,
  agreementTemplateQueries,
  useSaveAgreementTemplate,
  useUpdateAgreementSettings,
  useCreateAgreement,
  useRemoveAgreementDocument,
  useRenewAgreement,
  useTransitionAgreement,
  useUpdateAgreement,
  useUploadAgreementDocument,
  type AgreementListFilters,
  type PendingAcceptanceFilters,
} from './agreement.queries';
export { serviceQueries, type ServiceListFilters } from './service.queries';
export {
  activityQueries,
  useCreateActivity,
  useDeleteActivity,
  useUpdateActivity,
  type ActivityCountFilters,
  type ActivityListFilters,
} from './activity.queries';
export { useArchiveService, useConfirmService, useCreateService, useUpdateService } from './service.queries';
export { contactQueries, useCreateContact, useDeleteContact, useUpdateContact, type ContactListFilters } from './contact.queries';
export { auditQueries, type AuditListFilters } from './audit.queries';
export { planItemQueries, type PlanItemListFilters } from './initiative.queries';
export { ownPlanItemQueries, useUpdateOwnPlanItem, type OwnPlanItemListFilters } from './initiative.queries';
export { portalQueries, useCreateCatchmentRequest } from './portal.queries';
export {
  liaisonQueries,
  useCreateNote,
  useJoinActivity,
  useLeaveActivity,
  useMarkNotesRead,
  useSaveStudentCounts,
  useSetDigestSubscription,
  useUpdateNote,
  type LibraryListFilters,
  type NoteListFilters,
  type NoteThreadListFilters,
} from './liaison.queries';
export {
  initiativeQueries,
  useCreateInitiative,
  useCreatePlanItem,
  useUpdateInitiative,
  useUpdatePlanItem,
  type InitiativeListFilters,
  type MobilityCountFilters,
} from './initiative.queries';
export { reportQueries, useAskReportFile, type ReportPeriod } from './report.queries';
export * from './survey.queries';
export { catchmentReviewQueries, useDecideCatchmentRequest, type CatchmentReviewFilters } from './catchment-review.queries';
export { saveFailureOf, trySave, type SaveFailure, type SaveResult } from './save-result';
export { useCan } from './use-can';
export { calendarFeedQueries, calendarFeedUrl, useCalendarFeed } from './calendar-feed.queries';
export { openingHoursQueries, useImportOpeningHours, useSaveOpeningHours } from './opening-hours.queries';
export { photoQueries, useRemovePhoto, useUpdatePhoto, useUploadPhoto } from './photo.queries';
export { IMPORT_JOB_POLL_MS, importQueries, useApplyImport, usePreviewImport, useRetryImport, useUndoImport, useUploadImport } from './import.queries';
export { accountQueries, useChangePassword, useSaveNotificationSettings, useUpdateProfile } from './account.queries';
