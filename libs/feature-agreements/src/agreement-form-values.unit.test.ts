import { describe, expect, it } from 'vitest';
import { agreementFieldId, emptyAgreementFormValues, firstStepWithErrors, stepOfPath, validateAgreementForm } from './agreement-form-values';

describe('the create form’s steps and errors', () => {
  it('puts each error path of the API on the step that shows its field', () => {
    expect(stepOfPath('title')).toBe('basics');
    expect(stepOfPath('parties')).toBe('parties');
    expect(stepOfPath('parties.1.actorId')).toBe('parties');
    expect(stepOfPath('parties.1.serviceIds.0')).toBe('services');
    expect(stepOfPath('endDate')).toBe('period');
    expect(stepOfPath('(root)')).toBe('review');
    expect(firstStepWithErrors([{ path: 'endDate', code: 'x', message: '' }, { path: 'parties.0.role', code: 'x', message: '' }])).toBe('parties');
  });

  it('links each error to the control that fixes it', () => {
    expect(agreementFieldId('parties')).toBe('agreement-party-search');
    expect(agreementFieldId('parties.1.serviceIds.3')).toBe('agreement-party-1-services');
    expect(agreementFieldId('parties.0.actorId')).toBe('agreement-party-0-role');
    expect(agreementFieldId('startDate')).toBe('agreement-startDate');
  });

  it('checks one step at a time', () => {
    const values = { ...emptyAgreementFormValues, title: 'Avtale', kind: 'cooperation' as const, startDate: '2027-01-01', endDate: '2026-01-01' };
    expect(validateAgreementForm(values, 'basics')).toEqual([]);
    expect(validateAgreementForm(values, 'parties').map((e) => e.code)).toEqual(['agreement_too_few_parties']);
    expect(validateAgreementForm(values, 'period').map((e) => e.code)).toEqual(['end_before_start']);
    expect(validateAgreementForm(values, 'all').map((e) => e.path).sort()).toEqual(['endDate', 'parties']);
  });
});
