import type { Migration, MigrationProvider } from 'kysely/migration';
import * as createActorRegistry from './2026_11_22_1600_create_actor_registry';
import * as createCooperation from './2026_11_22_1700_create_cooperation';
import * as createAccounts from './2026_11_22_1900_create_accounts';
import * as createAuthFlows from './2026_11_22_2000_create_auth_flows';
import * as createLiaison from './2026_11_22_2100_create_liaison';
import * as createCatchmentRequests from './2026_11_22_2110_create_catchment_requests';
import * as createSurveyAndReminders from './2026_11_22_2120_create_survey_and_reminders';
import * as initiativeAssessment from './2026_11_22_2130_initiative_assessment';
import * as agreementCalendarAndAmendments from './2026_12_04_1000_agreement_calendar_and_amendments';
import * as libraryOpeningHours from './2026_12_04_1100_library_opening_hours';
import * as agreementTemplates from './2026_12_04_1200_agreement_templates';
import * as libraryPhotos from './2026_12_04_1200_library_photos';
import * as liaisonNoteReads from './2026_12_04_1210_liaison_note_reads';
import * as uniqueActorIdentifiers from './2026_12_04_1300_unique_actor_identifiers';
import * as createImports from './2026_12_04_1310_create_imports';
import * as createErasedRecord from './2026_12_04_1400_create_erased_record';
import * as liaisonCountyChannel from './2026_12_04_1500_liaison_county_channel';
import * as jobsAndSharedLimits from './2026_12_04_1510_jobs_and_shared_limits';
import * as importTargets from './2026_12_04_1600_import_targets';
import * as importJobs from './2026_12_04_1700_import_jobs';
import * as notificationSettings from './2026_12_04_1750_notification_settings';
import * as activityTimesAndPlace from './2026_12_04_1800_activity_times_and_place';
import * as listIndexes from './2026_12_04_1850_list_indexes';
import * as planItemResult from './2026_12_04_1860_plan_item_result';
import * as reportFiles from './2026_12_04_1900_report_files';
import * as calendarFeeds from './2026_12_04_1930_calendar_feeds';
import * as searchIndexes from './2026_12_04_1950_search_indexes';
import * as agreementSortIndex from './2026_12_04_1951_agreement_sort_index';
import * as agreementLookupIndexes from './2026_12_04_2000_agreement_lookup_indexes';
import * as participantActorIndex from './2026_12_04_2001_participant_actor_index';
import * as activityUntilIndex from './2026_12_04_2002_activity_until_index';
import * as liaisonNoteRecentIndex from './2026_12_04_2050_liaison_note_recent_index';
import * as agreementNegotiatingRecentIndex from './2026_12_04_2065_agreement_negotiating_recent_index';
import * as searchTitleVectors from './2026_12_04_2075_search_title_vectors';
import * as contactSortIndex from './2026_12_04_2080_contact_sort_index';
import * as agreementBindingEndIndex from './2026_12_04_2090_agreement_binding_end_index';
import * as libraryOrder from './2026_12_05_2110_library_order';
import * as libraryServiceTally from './2026_12_05_2200_library_service_tally';
import * as initiativeSortIndex from './2026_12_05_2210_initiative_sort_index';
import * as dataRepair from './2026_12_06_0800_data_repair';
import * as agreementTransitionNoteCode from './2026_12_06_1300_agreement_transition_note_code';
import * as inboxLookupIndexes from './2026_12_06_1900_inbox_lookup_indexes';
import * as agreementRegion from './2026_12_06_2100_agreement_region';
import * as agreementStatusTally from './2026_12_06_2130_agreement_status_tally';

/**
 * Every migration, by name. Listed here rather than read from the folder so the server can be
 * bundled into one file; names sort in the order they run.
 */
const migrations: Record<string, Migration> = {
  '2026_11_22_1600_create_actor_registry': createActorRegistry,
  '2026_11_22_1700_create_cooperation': createCooperation,
  '2026_11_22_1900_create_accounts': createAccounts,
  '2026_11_22_2000_create_auth_flows': createAuthFlows,
  '2026_11_22_2100_create_liaison': createLiaison,
  '2026_11_22_2110_create_catchment_requests': createCatchmentRequests,
  '2026_11_22_2120_create_survey_and_reminders': createSurveyAndReminders,
  '2026_11_22_2130_initiative_assessment': initiativeAssessment,
  '2026_12_04_1000_agreement_calendar_and_amendments': agreementCalendarAndAmendments,
  '2026_12_04_1100_library_opening_hours': libraryOpeningHours,
  '2026_12_04_1200_agreement_templates': agreementTemplates,
  '2026_12_04_1200_library_photos': libraryPhotos,
  '2026_12_04_1210_liaison_note_reads': liaisonNoteReads,
  '2026_12_04_1300_unique_actor_identifiers': uniqueActorIdentifiers,
  '2026_12_04_1310_create_imports': createImports,
  '2026_12_04_1400_create_erased_record': createErasedRecord,
  '2026_12_04_1500_liaison_county_channel': liaisonCountyChannel,
  '2026_12_04_1510_jobs_and_shared_limits': jobsAndSharedLimits,
  '2026_12_04_1600_import_targets': importTargets,
  '2026_12_04_1700_import_jobs': importJobs,
  '2026_12_04_1750_notification_settings': notificationSettings,
  '2026_12_04_1800_activity_times_and_place': activityTimesAndPlace,
  '2026_12_04_1850_list_indexes': listIndexes,
  '2026_12_04_1860_plan_item_result': planItemResult,
  '2026_12_04_1900_report_files': reportFiles,
  '2026_12_04_1930_calendar_feeds': calendarFeeds,
  '2026_12_04_1950_search_indexes': searchIndexes,
  '2026_12_04_1951_agreement_sort_index': agreementSortIndex,
  '2026_12_04_2000_agreement_lookup_indexes': agreementLookupIndexes,
  '2026_12_04_2001_participant_actor_index': participantActorIndex,
  '2026_12_04_2002_activity_until_index': activityUntilIndex,
  '2026_12_04_2050_liaison_note_recent_index': liaisonNoteRecentIndex,
  '2026_12_04_2065_agreement_negotiating_recent_index': agreementNegotiatingRecentIndex,
  '2026_12_04_2075_search_title_vectors': searchTitleVectors,
  '2026_12_04_2080_contact_sort_index': contactSortIndex,
  '2026_12_04_2090_agreement_binding_end_index': agreementBindingEndIndex,
  '2026_12_05_2110_library_order': libraryOrder,
  '2026_12_05_2200_library_service_tally': libraryServiceTally,
  '2026_12_05_2210_initiative_sort_index': initiativeSortIndex,
  '2026_12_06_0800_data_repair': dataRepair,
  '2026_12_06_1300_agreement_transition_note_code': agreementTransitionNoteCode,
  '2026_12_06_1900_inbox_lookup_indexes': inboxLookupIndexes,
  '2026_12_06_2100_agreement_region': agreementRegion,
  '2026_12_06_2130_agreement_status_tally': agreementStatusTally,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
