import './styles.css';

export { Alert, type AlertColor } from './alert';
export { AppShell } from './app-shell';
export { Button, buttonLinkProps, type ButtonProps, type ButtonVariant, type DsColor } from './button';
export { ConfirmDialog } from './confirm-dialog';
export { EmptyState } from './empty-state';
export { ErrorSummary, type ErrorSummaryItem } from './error-summary';
export { Select, TextArea, TextField, type SelectOption, type SelectProps, type TextAreaProps, type TextFieldProps } from './field';
export { LanguageSwitch } from './language-switch';
export { AppNameContext, Page, useDocumentTitle } from './page';
export { Pagination } from './pagination';
export { LoadingState, Skeleton, Spinner } from './spinner';
export { StatusTag } from './status-tag';
export { DataTable, type SortDirection, type TableColumn, type TableSort } from './table';
export { fieldErrorText, httpErrorText } from './error-text';
export { useUnsavedChangesGuard } from './use-unsaved-changes-guard';
