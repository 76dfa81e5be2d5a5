import { describe, expect, it } from 'vitest';
import { emptyServiceFormValues, toServiceCreate, toServiceUpdate, type ServiceFormValues } from './service-form-values';

const actorId = '00000000-0000-4000-8002-000000000001';
const stored: ServiceFormValues = { ...emptyServiceFormValues, type: 'study_places', hours: 'staffed', weeklyHours: '37,5', capacity: '12' };

describe('service form values', () => {
  it('sends only what changed, with conditions nested for the API to merge, and Norwegian decimals read', () => {
    expect(toServiceUpdate({ ...stored, weeklyHours: '40,5', capacity: '' }, stored)).toEqual({ changes: { weeklyHours: 40.5, conditions: { capacity: null } } });
    expect(toServiceUpdate({ ...stored, audiences: 'students,public', contractRequired: 'true' }, stored)).toEqual({
      changes: { audiences: ['students', 'public'], conditions: { contractRequired: true } },
    });
    expect(toServiceUpdate(stored, stored)).toEqual({ changes: {} });
  });

  it('names errors by the form field, once each: text that is no number, too many decimals, no audience', () => {
    const result = toServiceUpdate({ ...stored, weeklyHours: 'mange', ageLimit: '1 000', capacity: '3.25', audiences: '' }, stored);
    expect('errors' in result && result.errors.map((error) => [error.path, error.code])).toEqual([
      ['weeklyHours', 'not_a_number'],
      ['audiences', 'too_small'],
      ['ageLimit', 'too_big'],
      ['capacity', 'invalid_type'],
    ]);
  });

  it('asks for a type and an audience on a new service', () => {
    const result = toServiceCreate(actorId, { ...emptyServiceFormValues, audiences: '' });
    expect('errors' in result && result.errors.map((error) => error.path)).toEqual(['type', 'audiences']);
    expect(toServiceCreate(actorId, { ...emptyServiceFormValues, type: 'group_rooms', capacity: '6' })).toEqual({
      input: {
        actorId,
        type: 'group_rooms',
        audiences: ['students'],
        description: null,
        weeklyHours: null,
        conditions: { hours: null, ageLimit: null, contractRequired: false, bookingLeadTimeDays: null, capacity: 6, note: null },
      },
    });
  });
});
