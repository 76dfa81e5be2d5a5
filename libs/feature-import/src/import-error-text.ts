import { isActorKind, type FieldError } from '@kompetansebro/domain';
import { formatNumber, type Language } from '@kompetansebro/i18n';
import type { SaveFailure } from '@kompetansebro/api-client';
import { fieldErrorText, httpErrorText } from '@kompetansebro/ui';
import type { TFunction } from 'i18next';

/** The import's own codes, each with its text under import.errors. */
const importCodes = {
  import_formula_cell: true,
  import_kind_unknown: true,
  import_kind_differs: true,
  import_isil_format: true,
  import_duplicate_in_file: true,
  import_identifiers_disagree: true,
  import_parent_not_found: true,
  import_actor_not_found: true,
  import_actor_ambiguous: true,
  import_actor_missing: true,
  import_service_type_unknown: true,
  import_audience_unknown: true,
  import_date_format: true,
  import_number_format: true,
  import_opening_hours_invalid: true,
  import_file_empty: true,
  import_file_header_only: true,
  import_file_too_many_rows: true,
  import_file_duplicate_headers: true,
} as const;
type ImportCode = keyof typeof importCodes;

/** An error of an import (the file, a row's cell) in the user's words: the import's own codes, then the shared texts. */
export function importErrorText(t: TFunction, language: Language, error: FieldError): string {
  if (!Object.hasOwn(importCodes, error.code)) return fieldErrorText(t, error);
  const code = error.code as ImportCode;
  const params = error.params ?? {};
  const kind = params['kind'];
  const maximum = params['maximum'];
  return t(`import.errors.${code}`, {
    actorName: params['actorName'] ?? '',
    line: params['line'] ?? '',
    kind: typeof kind === 'string' && isActorKind(kind) ? t(`actorKind.${kind}`).toLocaleLowerCase() : '',
    maximum: typeof maximum === 'number' ? formatNumber(maximum, language) : '',
  });
}

/** Why an upload or a step of an import failed: its field errors, or what its status means (a refused file by why). */
export function importFailureText(t: TFunction, language: Language, failure: SaveFailure): string {
  if (failure.kind === 'fields') return failure.errors.map((error) => importErrorText(t, language, error)).join(' ');
  if (failure.kind === 'stale') return httpErrorText(t, 412);
  if (failure.status === 415) return t('import.errors.unsupportedType');
  if (failure.status === 413) return t('import.errors.tooLarge');
  return httpErrorText(t, failure.status);
}
