export { ActivityDates, ActivityPlace } from './activity-dates';
export { Alert, type AlertColor } from './alert';
export { AppShell, useShellIdentity, type ShellIdentity } from './app-shell';
export { Button, buttonLinkProps, type ButtonProps, type ButtonVariant, type DsColor } from './button';
export { CalendarSubscription, type CalendarFeedState } from './calendar-subscription';
export { ConfirmDialog } from './confirm-dialog';
export { EmptyState } from './empty-state';
export { ErrorSummary, type ErrorSummaryItem } from './error-summary';
export {
  bindFields,
  optionsByLabel,
  Select,
  TextArea,
  TextField,
  type BoundField,
  type FieldBinding,
  type SelectOption,
  type SelectProps,
  type TextAreaProps,
  type TextFieldProps,
  type TextKeyOf,
} from './field';
export { LanguageSwitch } from './language-switch';
export { DisclosureMenu } from './disclosure-menu';
export type { AppPaths } from './app-paths';
export { AppNameContext, noteNavigationStart, Page, useDocumentTitle } from './page';
export { MorePagesPagination, Pagination } from './pagination';
export { LoadingState, Skeleton, Spinner } from './spinner';
export { StatusTag } from './status-tag';
export { DataTable, type SortDirection, type TableColumn, type TableSort } from './table';
export { actionErrorText, fieldErrorText, httpErrorText, openingHoursErrorText } from './error-text';
export { useUnsavedChangesGuard } from './use-unsaved-changes-guard';
export { useFocusAfterRender } from './use-focus-after-render';
export { BarChart, type BarChartItem } from './bar-chart';
export { Checkbox, type CheckboxProps } from './checkbox';
export { StaleSaveNotice, type StaleSaveChange, type StaleSaveState } from './stale-save-notice';
export { agreementStatusColor } from './agreement-status-color';
export { agreementTransitionNote, agreementTransitionText } from './agreement-transition-text';
export { plainSearch, type PlainSearch } from './plain-search';
export { searchView, tableSortOf, useListSearch, type ListSearch, type SearchSchema } from './list-search';
export { ListScreen, type ListResult, type ListScreenProps } from './list-screen';
export { ListSearchForm } from './list-search-form';
export { DetailPage, DetailPendingPage, errorStatusOf, ForbiddenPage, type DetailResult } from './detail-page';
export { Fact } from './fact';
export { mergeTheirVersion, useStaleSave } from './stale-save';
export { QueryError } from './query-error';
export { ChangesTable, type ChangesTableRow } from './changes-table';
export { Section } from './section';
export { errorMessages, useFormState, useFormSubmit, type SaveOutcome, type ShownFieldError } from './form-state';
export { FailureAlert } from './failure-alert';
export { EditFormNotices, useCreateForm, useEditForm, type TheirVersion } from './edit-form';
export { CancelLink, RecordForm, type RecordFormProps } from './record-form';
export { createFeatureContext, useNoticeForThisVisit } from './feature-context';
export { featureRoutes, firstDataOf, recordScreen, screenRoute, type FirstData, type RecordScreen, type ScreenRoute } from './feature-routes';
export { BackAndHistoryLinks, RecordLink } from './record-link';
export {
  exceptionFieldId,
  fieldIdOfError,
  gridColumns,
  gridFieldId,
  inputOf,
  newKey,
  openingHoursErrors,
  seasonFieldId,
  valuesOf,
  type DayRow,
  type ExceptionValues,
  type OpeningHoursValues,
  type SeasonValues,
  type WeekGrid,
} from './opening-hours-form';
export { WeekGridTable } from './week-grid-table';
