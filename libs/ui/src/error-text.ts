import { openingHoursErrorCodes, type FieldError } from '@kompetansebro/domain';
import { currentLanguage, formatNumber } from '@kompetansebro/i18n';
import type { TFunction } from 'i18next';

/** Codes whose message takes no sub-key and at most simple params. */
const plainCodes = [
  'invalid_type',
  'invalid_value',
  'unrecognized_keys',
  'custom',
  'organisation_number_format',
  'organisation_number_checksum',
  'library_number_format',
  'library_number_not_library',
  'library_number_taken',
  'merge_with_self',
  'parent_not_allowed',
  'parent_is_self',
  'parent_not_found',
  'municipality_not_found',
  'email_taken',
  'organisation_not_found',
  'role_organisation_mismatch',
  'duplicate_organisation',
  'reset_token_invalid',
  'password_mismatch',
  'password_too_weak',
  'password_has_context',
  'memberships_required',
  'date_out_of_range',
  'end_before_start',
  'deadline_in_past',
  'period_reversed',
  'parent_cycle',
  'duplicate_audience',
  'confirmed_at_out_of_range',
  'duplicate_service',
  'unknown_service',
  'duplicate_municipality',
  'target_required',
  'target_not_found',
  'unknown_municipality',
  'university_not_found',
  'control_characters',
] as const;
type PlainCode = (typeof plainCodes)[number];

const isPlainCode = (code: string): code is PlainCode => (plainCodes as readonly string[]).includes(code);

/** Codes that mean "nothing was given" when the field is empty. */
const emptyCodes = new Set(['invalid_type', 'invalid_value', 'too_small']);

/** "public_library,university" → "folkebibliotek eller universitet eller høgskole". */
function kindList(t: TFunction, kinds: string | number | undefined): string {
  if (typeof kinds !== 'string') return '';
  const labels: Record<string, string> = t('actorKind', { returnObjects: true });
  return kinds
    .split(',')
    .map((kind) => (Object.hasOwn(labels, kind) ? (labels[kind] ?? kind).toLocaleLowerCase() : kind))
    .join(t('validation.kindsSeparator'));
}

/**
 * A field error in the user's language, saying how to fix it — from the error's `code`
 * (zod's own, or the domain's); a code it does not know gets a general text, never the API's English `message`.
 * `value` is what the field holds now: an empty field gets "fill in the field".
 */
export function fieldErrorText(t: TFunction, error: FieldError, value?: string): string {
  const params = error.params ?? {};
  // A limit as the apps print numbers: "1 000 000", not "1000000".
  const limit = (name: 'minimum' | 'maximum') => {
    const number = params[name];
    return typeof number === 'number' ? formatNumber(number, currentLanguage()) : number;
  };
  if (value !== undefined && value.trim() === '' && emptyCodes.has(error.code)) return t('validation.required');

  switch (error.code) {
    case 'too_small':
      return params['origin'] === 'string'
        ? t('validation.too_small.string', { minimum: params['minimum'] })
        : t('validation.too_small.default', { minimum: limit('minimum') });
    case 'too_big':
      return params['origin'] === 'string'
        ? t('validation.too_big.string', { maximum: params['maximum'] })
        : t('validation.too_big.default', { maximum: limit('maximum') });
    case 'invalid_format': {
      const format = params['format'];
      if (format === 'email') return t('validation.invalid_format.email');
      if (format === 'url') return t('validation.invalid_format.url');
      // Every phone field of the domain is named "phone" and checked by the same pattern.
      if (format === 'regex' && /(^|\.)phone$/.test(error.path)) return t('validation.invalid_format.phone');
      if (format === 'regex') return t('validation.invalid_format.regex');
      return t('validation.invalid_format.default');
    }
    case 'organisation_number_taken':
      return t('validation.organisation_number_taken', { actorName: params['actorName'] ?? '' });
    case 'parent_required':
      return t('validation.parent_required', { kinds: kindList(t, params['kinds']) });
    case 'parent_wrong_kind':
      return t('validation.parent_wrong_kind', { kinds: kindList(t, params['kinds']) });
    default:
      return isPlainCode(error.code) ? t(`validation.${error.code}`) : t('validation.unknown');
  }
}

/**
 * An error of a library's opening hours in the librarian's words — the domain's codes, a time
 * not of the day, the OSM parser's "where" — wherever a library states its hours (the
 * opening-hours page, the survey's answer). `error.path` is within the hours ("weekly.3.to").
 */
export function openingHoursErrorText(t: TFunction, error: FieldError): string {
  switch (error.code) {
    case openingHoursErrorCodes.endBeforeStart:
    case openingHoursErrorCodes.overlap:
    case openingHoursErrorCodes.duplicateDate:
      return t(`library.hours.errors.${error.code}`);
    case openingHoursErrorCodes.invalidOsm:
      return typeof error.params?.['near'] === 'string'
        ? t('library.hours.errors.invalid_opening_hours_near', { near: error.params['near'] })
        : t('library.hours.errors.invalid_opening_hours');
    default:
      if (error.code !== 'invalid_format') return fieldErrorText(t, error);
      // A season's from and to are dates; every other from and to is a time of day.
      if (/^seasons\.\d+\.(from|to)$/.test(error.path)) return t('library.hours.errors.date');
      return /\.(from|to)$/.test(error.path) ? t('library.hours.errors.time') : fieldErrorText(t, error);
  }
}

/** What an HTTP failure means for the user, by status (0: no answer at all). */
export function httpErrorText(t: TFunction, status: number): string {
  if (status === 0) return t('errors.network');
  if (status === 400) return t('errors.badRequest');
  if (status === 401) return t('errors.unauthorised');
  if (status === 403) return t('errors.forbidden');
  if (status === 404) return t('errors.notFound');
  if (status === 409) return t('errors.conflict');
  if (status === 412) return t('errors.preconditionFailed');
  if (status === 428) return t('errors.preconditionRequired');
  if (status >= 500) return t('errors.server');
  return t('errors.unknown');
}

/**
 * Why an action (a button's request) failed, in the user's language: by the answer's status
 * (the api-client's ApiError, read structurally), never the server's English `detail` — a
 * refused action (403) says the user's role may not do it. No status: the unknown failure.
 */
export function actionErrorText(t: TFunction, error: unknown): string {
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : null;
  if (status === null) return t('errors.unknown');
  if (status === 403) return t('errors.refused');
  return httpErrorText(t, status);
}
