import { initI18n } from '@kompetansebro/i18n';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { actionLabel, entityLabel, fieldLabel } from './audit-labels';

let t: TFunction;
beforeAll(async () => {
  t = (await initI18n({ language: 'nb' })).t;
});

describe('the change log’s words', () => {
  it('names every kind of record the server audits, never by its code', () => {
    for (const entity of ['liaison_note', 'student_counts', 'agreement_template', 'catchment_request', 'county_setting', 'survey', 'import', 'calendar_feed']) {
      expect(entityLabel(t, entity)).not.toBe(entity);
    }
    expect(entityLabel(t, 'student_counts')).toBe('studenttall');
  });

  it('says which status a record moved to', () => {
    expect(actionLabel(t, 'transition', { after: { status: 'signed' } })).toBe('Ny status: Signert');
    expect(actionLabel(t, 'transition', { after: { status: 'in_progress' } })).toMatch(/^Ny status: \S/);
    expect(actionLabel(t, 'transition', { after: null })).toBe('Ny status');
    expect(actionLabel(t, 'something_new')).toBe('Endret');
  });

  it('reads a field it has no label for as words, not as a code', () => {
    expect(fieldLabel(t, 'liaisonNote')).toBe('Liaison note');
    expect(fieldLabel(t, 'student_counts')).toBe('Student counts');
  });
});
