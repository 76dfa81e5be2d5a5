import { describe, expect, it } from 'vitest';
import { emptyExtensionRow, emptyInitiativeFormValues, inFormOrder, toInitiativeCreate, validateInitiativeForm, type InitiativeFormValues } from './initiative-form-values';

const filled: InitiativeFormValues = { ...emptyInitiativeFormValues, kind: 'project', title: 'Lesesirkler i Namdal' };
const paths = (values: InitiativeFormValues) => validateInitiativeForm(values).map((error) => `${error.path} ${error.code}`);

describe('validateInitiativeForm', () => {
  it('asks for a title and a kind, in the order the form shows them', () => {
    expect(inFormOrder(validateInitiativeForm(emptyInitiativeFormValues)).map((error) => error.path)).toEqual(['title', 'kind']);
    expect(paths(filled)).toEqual([]);
  });

  it('names the goal row the user sees, and removes an emptied row rather than refusing it', () => {
    const values = { ...filled, goals: [{ text: '' }, { text: 'Ab' }] };
    expect(paths(values)).toEqual(['goals.1.text too_small']);
    expect(toInitiativeCreate({ ...values, goals: [{ text: '' }, { text: 'Flere leser' }] })?.goals).toEqual([{ text: 'Flere leser' }]);
  });

  it('asks for an extension’s dates before comparing them with the period', () => {
    const values = { ...filled, plannedEndDate: '2026-06-30', extensions: [{ ...emptyExtensionRow, decidedOn: '2026-01-01' }, { ...emptyExtensionRow, askedOn: '2026-01-01', requestedEnd: '2026-05-01' }] };
    expect(paths(values)).toEqual([
      'extensions.0.askedOn invalid_type',
      'extensions.0.requestedEnd invalid_type',
      'extensions.1.requestedEnd extension_not_later',
    ]);
  });

  it('takes both amounts or neither, as amounts', () => {
    expect(paths({ ...filled, granted: '1 250 000,50' })).toEqual(['budget.spent invalid_type']);
    expect(paths({ ...filled, granted: 'mye', spent: '0' })).toEqual(['budget.granted amount']);
    expect(toInitiativeCreate({ ...filled, granted: '1 250 000,50', spent: '0' })?.budget).toEqual({ granted: 1_250_000.5, spent: 0 });
  });
});

describe('toInitiativeCreate', () => {
  it('makes nothing while no kind is chosen', () => {
    expect(toInitiativeCreate({ ...filled, kind: '' })).toBeNull();
  });
});
