import { describe, expect, it } from 'vitest';
import { todayInNorway } from '../common/dates';
import {
  defaultServiceConditions,
  mergeServiceConditions,
  serviceConfirmSchema,
  serviceCreateSchema,
  serviceListQuerySchema,
  serviceUpdateSchema,
} from './service.schema';

const actorId = '6f1c3a52-8a1e-5b1e-9c4d-2f0a7b3c9d10';

describe('service conditions', () => {
  it('fills in defaults for what a new service does not name', () => {
    expect(mergeServiceConditions(undefined, { ageLimit: 18, contractRequired: true })).toEqual({
      ...defaultServiceConditions,
      ageLimit: 18,
      contractRequired: true,
    });
    expect(mergeServiceConditions(null, null)).toEqual(defaultServiceConditions);
  });

  it('merges a change into the stored conditions: named fields replace, others stay, null clears', () => {
    const stored = { ...defaultServiceConditions, ageLimit: 18, capacity: 12, note: 'Nøkkelkort' };
    expect(mergeServiceConditions(stored, { capacity: 20, note: null })).toEqual({ ...stored, capacity: 20, note: null });
    expect(mergeServiceConditions(stored, {})).toEqual(stored);
  });

  it('completes stored conditions that miss a field (older rows)', () => {
    expect(mergeServiceConditions({ ageLimit: 15 })).toEqual({ ...defaultServiceConditions, ageLimit: 15 });
  });
});

describe('service input', () => {
  const valid = { actorId, type: 'study_places', audiences: ['students'] };

  it('accepts a minimal new service and partial conditions', () => {
    expect(serviceCreateSchema.parse(valid)).toEqual(valid);
    expect(serviceCreateSchema.parse({ ...valid, conditions: { ageLimit: 18 } }).conditions).toEqual({ ageLimit: 18 });
  });

  it('refuses an audience named twice, an unknown condition and hours with more than one decimal', () => {
    const twice = serviceCreateSchema.safeParse({ ...valid, audiences: ['students', 'students'] });
    expect(twice.error?.issues[0]).toMatchObject({ path: ['audiences'], params: { code: 'duplicate_audience' } });
    expect(serviceCreateSchema.safeParse({ ...valid, conditions: { colour: 'blue' } }).success).toBe(false);
    expect(serviceCreateSchema.safeParse({ ...valid, weeklyHours: 12.25 }).success).toBe(false);
    expect(serviceCreateSchema.safeParse({ ...valid, weeklyHours: 37.5 }).success).toBe(true);
    expect(serviceCreateSchema.safeParse({ ...valid, weeklyHours: 169 }).success).toBe(false);
  });

  it('refuses control characters in free text, and an actor change on update', () => {
    expect(serviceCreateSchema.safeParse({ ...valid, description: 'a\u0000b' }).success).toBe(false);
    expect(serviceUpdateSchema.safeParse({ actorId }).success).toBe(false);
    expect(serviceUpdateSchema.parse({ weeklyHours: null })).toEqual({ weeklyHours: null });
  });

  it('takes a confirmation date from 2000 up to today, no later', () => {
    const confirmedOn = (confirmedAt: string) => serviceCreateSchema.safeParse({ ...valid, confirmedAt }).error?.issues[0];
    expect(confirmedOn('2025-10-15')).toBeUndefined();
    expect(confirmedOn(todayInNorway())).toBeUndefined();
    expect(confirmedOn('0000-01-01')).toMatchObject({ params: { code: 'date_out_of_range' } });
    expect(confirmedOn('2199-01-01')).toMatchObject({ params: { code: 'confirmed_at_out_of_range' } });
    expect(confirmedOn('2025-02-29')).toMatchObject({ code: 'invalid_format' });
  });

  it('needs a name to confirm', () => {
    expect(serviceConfirmSchema.parse({ confirmedBy: '  Kari  ' })).toEqual({ confirmedBy: 'Kari' });
    expect(serviceConfirmSchema.safeParse({ confirmedBy: '   ' }).success).toBe(false);
    expect(serviceConfirmSchema.safeParse({}).success).toBe(false);
  });

  it('reads list filters from the query string with defaults', () => {
    expect(serviceListQuerySchema.parse({})).toMatchObject({ includeBranches: 'false', archived: 'exclude', sort: 'actor', page: 1 });
    expect(serviceListQuerySchema.safeParse({ municipality: '50' }).success).toBe(false);
    expect(serviceListQuerySchema.safeParse({ audience: 'teachers' }).success).toBe(false);
  });
});
