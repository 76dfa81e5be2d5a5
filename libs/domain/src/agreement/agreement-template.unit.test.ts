import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../common/domain-errors';
import { agreementAtVersion, agreementDocumentOf, agreementTemplateCreateSchema, agreementVersions, fillTemplate, unknownTemplateFields } from './agreement-template';

const agreement = {
  title: 'Samarbeidsavtale Fosen',
  kind: 'cooperation' as const,
  status: 'active',
  description: null,
  startDate: '2027-01-01',
  endDate: '2028-12-31',
  levels: ['practical' as const],
  themes: ['library_services_for_students' as const],
  parties: [
    { actorName: 'Fosen studiesenter', role: 'coordinator' as const, services: [] },
    { actorName: 'Ørland bibliotek', role: 'service_provider' as const, services: [{ type: 'group_rooms' }, { type: 'study_places' }] },
  ],
  amendments: [{ number: 2, status: 'in_force' }, { number: 3, status: 'proposed' }],
};
const names: Record<string, string> = { group_rooms: 'Grupperom', study_places: 'Lesesalsplasser' };

describe('agreement templates', () => {
  it('fills each field, and leaves text that is no field as it is', () => {
    const values = { title: 'T', parties: 'A og B', period: 'P', services: 'S', levels: 'L', themes: 'Th' };
    expect(fillTemplate('Mellom {{parties}} i {{ period }}. {x}', values)).toBe('Mellom A og B i P. {x}');
  });

  it('refuses a field no agreement fills, naming it', () => {
    expect(unknownTemplateFields('{{partes}} og {{period}} og {{partes}}')).toEqual(['partes']);
    const parsed = agreementTemplateCreateSchema.safeParse({ kind: 'cooperation', title: 'Mal', clauses: 'Partene {{partes}}' });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['clauses'], message: expect.stringContaining('{{partes}}') });
  });

  it('makes the document: parties and roles, services, period, levels, themes and the clauses filled in', () => {
    const content = agreementDocumentOf(agreement, { title: 'Vilkår', clauses: '1. Partene er {{parties}}.\n\n2. Avtalen gjelder {{period}} og omfatter {{services}}.' }, (t) => names[t] ?? t);
    expect(content.subtitle).toBe('Samarbeidsavtale, versjon 2');
    expect(content.sections.map((s) => s.heading)).toEqual(['Parter og roller', 'Tjenester partene forplikter seg til', 'Periode', 'Nivåer og tema', 'Vilkår']);
    expect(content.sections[0]?.items).toEqual(['Fosen studiesenter (koordinator)', 'Ørland bibliotek (tjenesteyter)']);
    expect(content.sections[1]?.items).toEqual(['Ørland bibliotek: Grupperom, Lesesalsplasser']);
    expect(content.sections[3]?.paragraphs).toEqual(['Nivåer: praktisk.', 'Tema: bibliotektjenester for studenter.']);
    expect(content.sections[4]?.paragraphs).toEqual([
      '1. Partene er Fosen studiesenter (koordinator), Ørland bibliotek (tjenesteyter).',
      '2. Avtalen gjelder 01.01.2027–31.12.2028 og omfatter Ørland bibliotek: Grupperom, Lesesalsplasser.',
    ]);
  });

  it('says so when the county keeps no template for the kind', () => {
    const content = agreementDocumentOf({ ...agreement, endDate: null }, null, (t) => t);
    expect(content.sections.at(-1)).toEqual({ heading: 'Avtalevilkår', paragraphs: ['Fylket har ingen mal for denne typen avtale ennå.'], items: [] });
    expect(content.sections.find((s) => s.heading === 'Periode')?.paragraphs).toEqual(['fra 01.01.2027, uten sluttdato']);
  });

  describe('an earlier version', () => {
    const library = 'a0000000-0000-4000-8000-000000000002';
    const amended = {
      ...agreement,
      endDate: '2029-12-31',
      levels: ['practical' as const, 'strategic' as const],
      parties: [
        { actorId: 'a0000000-0000-4000-8000-000000000001', actorName: 'Fosen studiesenter', role: 'coordinator' as const, services: [] },
        { actorId: library, actorName: 'Ørland bibliotek', role: 'service_provider' as const, services: [{ type: 'group_rooms' }, { type: 'study_places' }] },
      ],
      amendments: [
        { number: 2, status: 'in_force', changes: [{ field: 'services' as const, actorId: library, before: ['s1'], after: ['s1', 's2'], beforeTypes: ['group_rooms'], afterTypes: ['group_rooms', 'study_places'] }] },
        { number: 3, status: 'in_force', changes: [{ field: 'endDate' as const, actorId: null, before: '2028-12-31', after: '2029-12-31' }, { field: 'levels' as const, actorId: null, before: ['practical'], after: ['practical', 'strategic'] }] },
        { number: 4, status: 'proposed', changes: [{ field: 'endDate' as const, actorId: null, before: '2029-12-31', after: '2030-12-31' }] },
      ],
    };

    it('lists the signed text and each amendment in force, and no proposal', () => {
      expect(agreementVersions(amended)).toEqual([1, 2, 3]);
    });

    it('undoes every later amendment, newest first, so each version reads as it was', () => {
      const signed = agreementDocumentOf(agreementAtVersion(amended, 1), null, (t) => names[t] ?? t);
      expect(signed.subtitle).toBe('Samarbeidsavtale, versjon 1');
      expect(signed.sections.find((s) => s.heading === 'Periode')?.paragraphs).toEqual(['01.01.2027–31.12.2028']);
      expect(signed.sections.find((s) => s.heading === 'Tjenester partene forplikter seg til')?.items).toEqual(['Ørland bibliotek: Grupperom']);
      const second = agreementDocumentOf(agreementAtVersion(amended, 2), null, (t) => names[t] ?? t);
      expect(second.subtitle).toBe('Samarbeidsavtale, versjon 2');
      expect(second.sections.find((s) => s.heading === 'Periode')?.paragraphs).toEqual(['01.01.2027–31.12.2028']);
      expect(second.sections.find((s) => s.heading === 'Tjenester partene forplikter seg til')?.items).toEqual(['Ørland bibliotek: Grupperom, Lesesalsplasser']);
      const current = agreementAtVersion(amended, 3);
      expect(current.endDate).toBe('2029-12-31');
      expect(current.levels).toEqual(['practical', 'strategic']);
    });

    it('refuses a version the agreement never had, a proposal included', () => {
      expect(() => agreementAtVersion(amended, 4)).toThrow(NotFoundError);
      expect(() => agreementAtVersion(amended, 0)).toThrow(NotFoundError);
    });
  });
});
