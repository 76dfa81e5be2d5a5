import { initI18n } from '@kompetansebro/i18n';
import type { TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditedEntities } from '@kompetansebro/domain';
import { actionLabel, entityChoiceLabel, entityLabel, entryName, fieldLabel, formatValue } from './audit-labels';

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

  it('offers every kind the log holds as a capitalised choice, never by its code', () => {
    const choices = auditedEntities.map((entity) => entityChoiceLabel(t, entity));
    expect(choices).toContain('Undersøkelse');
    expect(choices).toContain('Studenttall');
    for (const [index, choice] of choices.entries()) {
      expect(choice).not.toBe(auditedEntities[index]);
      expect(choice.charAt(0)).toBe(choice.charAt(0).toLocaleUpperCase('nb'));
    }
  });

  it('names a set of student counts by its university and period', () => {
    const entry = { entity: 'student_counts', entityId: 'x', before: null, recordName: 'NTNU Universitetsbiblioteket' };
    expect(entryName(t, { ...entry, after: { period: 'current', counts: [] } })).toBe('NTNU Universitetsbiblioteket, tallene nå');
    expect(entryName(t, { ...entry, after: { period: '2026', counts: [] } })).toBe('NTNU Universitetsbiblioteket, studieåret 2026');
  });

  it('says which party accepted or declined an agreement, not only that it changed', () => {
    const party = (actorId: string, actorName: string, acceptedAt: string | null, declinedAt: string | null = null) => ({ actorId, actorName, acceptedAt, declinedAt });
    const before = { title: 'Avtale', parties: [party('a', 'Namsos bibliotek', null), party('b', 'Namdal studiesenter', '2026-12-01T10:00:00.000Z')] };
    expect(actionLabel(t, 'update', { before, after: { ...before, parties: [party('a', 'Namsos bibliotek', '2026-12-06T10:00:00.000Z'), before.parties[1]] } })).toBe('Godtatt av Namsos bibliotek');
    expect(actionLabel(t, 'update', { before, after: { ...before, parties: [party('a', 'Namsos bibliotek', null, '2026-12-06T10:00:00.000Z'), before.parties[1]] } })).toBe('Avslått av Namsos bibliotek');
    // The last acceptance signed it: said too.
    const negotiating = { ...before, status: 'negotiating' };
    expect(actionLabel(t, 'update', { before: negotiating, after: { ...negotiating, status: 'signed', parties: [party('a', 'Namsos bibliotek', '2026-12-06T10:00:00.000Z'), before.parties[1]] } })).toBe(
      'Godtatt av Namsos bibliotek; Ny status: Signert',
    );
    // Any other change of an agreement is a change.
    expect(actionLabel(t, 'update', { before, after: { ...before, title: 'Ny tittel' } })).toBe('Endret');
  });

  it('says which status a record moved to', () => {
    expect(actionLabel(t, 'transition', { after: { status: 'signed' } })).toBe('Ny status: Signert');
    expect(actionLabel(t, 'transition', { after: { status: 'in_progress' } })).toMatch(/^Ny status: \S/);
    expect(actionLabel(t, 'transition', { after: null })).toBe('Ny status');
    expect(actionLabel(t, 'something_new')).toBe('Endret');
  });

  it('gives a list of ids by how many, never the ids', () => {
    const ids = ['2dc6f7b2-adcc-5d9b-9b07-09aac3c68ca8', '00000000-0000-4000-8002-000000000007'];
    expect(formatValue(t, 'nb', 'recipients', ids)).toBe('2 oppføringer');
    expect(formatValue(t, 'nb', 'actorIds', ids.slice(0, 1))).toBe('1 oppføring');
    // A survey's fields by their names.
    expect(['deadline', 'recipients', 'includeBranches'].map((field) => fieldLabel(t, field))).toEqual(['Svarfrist', 'Mottakere', 'Med filialer']);
  });

  it('says an agreement’s history by its latest entry, the system’s note in the reader’s language, never as data', async () => {
    const before = [{ from: null, to: 'draft', at: '2026-11-02T09:00:00Z', byUserId: null, note: null, noteCode: 'renewal', noteParams: null }];
    const after = [...before, { from: 'negotiating', to: 'signed', at: '2026-11-20T09:00:00Z', byUserId: null, note: null, noteCode: 'signed_by_acceptance', noteParams: null }];
    expect(fieldLabel(t, 'transitions')).toBe('Siste statusendring');
    expect(formatValue(t, 'nb', 'transitions', before)).toBe('02.11.2026: Utkast (Fornyelse)');
    expect(formatValue(t, 'nb', 'transitions', after)).toBe('20.11.2026: Under forhandling → Signert (Alle parter har godtatt)');
    // An entry audited before the notes became codes: its note as it was stored.
    expect(formatValue(t, 'nb', 'transitions', [{ from: 'signed', to: 'active', at: '2026-12-01T09:00:00Z', note: 'Etter kalenderen (2026-12-01)' }])).toBe('01.12.2026: Signert → Aktiv (Etter kalenderen (2026-12-01))');
    const en = (await initI18n({ language: 'en' })).getFixedT('en');
    expect(formatValue(en, 'en', 'transitions', after)).toBe('20.11.2026: Negotiating → Signed (Every party has accepted)');
    await initI18n({ language: 'nb' });
  });

  it('reads a field it has no label for as words, not as a code', () => {
    expect(fieldLabel(t, 'liaisonNote')).toBe('Liaison note');
    expect(fieldLabel(t, 'student_counts')).toBe('Student counts');
  });
});
