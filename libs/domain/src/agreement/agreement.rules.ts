import type { FieldError } from '../common/problem.schema';
import type { AgreementPartyInput } from './agreement.schema';

export const MIN_AGREEMENT_PARTIES = 2;

/** The rules an agreement keeps beyond the shape of its fields. */
export function agreementRuleViolations(agreement: {
  parties: readonly AgreementPartyInput[];
  startDate: string | null;
  endDate: string | null;
}): FieldError[] {
  const errors: FieldError[] = [];
  const actorIds = agreement.parties.map((p) => p.actorId);
  if (new Set(actorIds).size < MIN_AGREEMENT_PARTIES) {
    errors.push({
      path: 'parties',
      code: 'agreement_too_few_parties',
      message: `An agreement has at least ${MIN_AGREEMENT_PARTIES} different parties`,
      params: { minimum: MIN_AGREEMENT_PARTIES },
    });
  }
  actorIds.forEach((id, index) => {
    if (actorIds.indexOf(id) !== index) {
      errors.push({ path: `parties.${index}.actorId`, code: 'agreement_duplicate_party', message: 'This actor is a party already' });
    }
  });
  if (agreement.startDate && agreement.endDate && agreement.endDate < agreement.startDate) {
    errors.push({ path: 'endDate', code: 'end_before_start', message: 'The end date is before the start date' });
  }
  return errors;
}
