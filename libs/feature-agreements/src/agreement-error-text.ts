import { MIN_AGREEMENT_PARTIES, type FieldError } from '@kompetansebro/domain';
import { currentLanguage, formatDate } from '@kompetansebro/i18n';
import { fieldErrorText } from '@kompetansebro/ui';
import type { TFunction } from 'i18next';

/** Codes of the agreement rules that have their own message in the forms. */
const agreementCodes = [
  'agreement_duplicate_party',
  'end_before_start',
  'service_not_found',
  'service_not_of_party',
  'actor_not_found',
] as const;
const isAgreementCode = (code: string): code is (typeof agreementCodes)[number] => (agreementCodes as readonly string[]).includes(code);

/** A field error of an agreement's forms (the wizard, an amendment, a renewal) by its code: the agreement rules' own texts, then the shared ones. */
export function agreementErrorText(t: TFunction, error: FieldError, value?: string): string {
  if (error.code === 'agreement_too_few_parties') return t('agreements.create.errors.agreement_too_few_parties', { minimum: MIN_AGREEMENT_PARTIES });
  // A renewal that starts before the renewed agreement ends: the day it must start after.
  if (error.code === 'renewal_overlaps' && typeof error.params?.['after'] === 'string') {
    return t('agreements.create.errors.renewal_overlaps', { date: formatDate(error.params['after'], currentLanguage()) });
  }
  if (isAgreementCode(error.code)) return t(`agreements.create.errors.${error.code}`);
  return fieldErrorText(t, error, value);
}
