import { describe, expect, it } from 'vitest';
import { defaultServiceConditions } from '../service/service.schema';
import { servicesOnlyBokmalNotice } from '../service/bokmal-only';
import { brochureServiceLine, brochureText } from './brochure-text';
import { applyCatchmentRequest, brochureAreaName, catchmentRequestCreateSchema } from './portal.schema';

const service = (overrides: Partial<Parameters<typeof brochureServiceLine>[0]> = {}) => ({
  type: 'study_places' as const,
  description: null,
  weeklyHours: null,
  conditions: { ...defaultServiceConditions },
  ...overrides,
});

describe('the brochure', () => {
  it('says a service with its hours, capacity and conditions in each language', () => {
    const line = service({ description: 'Stille lesesal', weeklyHours: 62.5, conditions: { ...defaultServiceConditions, hours: 'self_service', capacity: 40, ageLimit: 18, bookingLeadTimeDays: 1, contractRequired: true } });
    expect(brochureServiceLine(line, 'nb')).toEqual({
      label: 'Lesesalsplasser',
      details: 'i meråpen tid, 62,5 timer i uka, 40 plasser, aldersgrense 18 år, bestill dagen før, krever avtale med biblioteket',
      notes: ['Stille lesesal'],
    });
    expect(brochureServiceLine(line, 'nn').details).toContain('62,5 timar i veka, 40 plassar');
    expect(brochureServiceLine(line, 'en').details).toBe('in self-service hours, 62.5 hours a week, 40 places, age limit 18, book the day before, requires an agreement with the library');
  });

  it('does not repeat the kind of opening hours an opening-hours service is', () => {
    const line = brochureServiceLine(service({ type: 'self_service_hours', weeklyHours: 55, conditions: { ...defaultServiceConditions, hours: 'self_service' } }), 'nb');
    expect(line).toEqual({ label: 'Meråpent', details: '55 timer i uka', notes: [] });
  });

  it('names the area by its regions, else by the study centre', () => {
    const centre = { id: '00000000-0000-4000-8000-000000000001', name: 'Namdal studiesenter', address: null, email: null, phone: null, website: null };
    expect(brochureText.nb.title(brochureAreaName({ regionNames: ['Namdal'], studyCentre: centre }, 'og'))).toBe('Bibliotektjenester for studenter i Namdal');
    expect(brochureAreaName({ regionNames: ['Fosen', 'Namdal', 'Innherred'], studyCentre: centre }, 'and')).toBe('Fosen, Namdal and Innherred');
    expect(brochureAreaName({ regionNames: [], studyCentre: centre }, 'og')).toBe('Namdal studiesenter');
  });
});

describe('catchment-area requests', () => {
  it('need a municipality to change and a reason, and never add and remove the same', () => {
    const empty = catchmentRequestCreateSchema.safeParse({ reason: '' });
    expect(empty.success).toBe(false);
    expect(empty.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['add', 'reason']);
    const both = catchmentRequestCreateSchema.safeParse({ add: ['5006'], remove: ['5006'], reason: 'x' });
    expect(both.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['remove.0']);
  });

  it('change the area when approved: additions in, removals out, once each, in order', () => {
    expect(applyCatchmentRequest(['5007', '5045', '5052'], { add: ['5006', '5007'], remove: ['5052'] })).toEqual(['5006', '5007', '5045']);
  });
});

describe('the services’ own texts, in bokmål only', () => {
  const described = { description: 'Stille lesesal' };
  it('are said to be so once on a page in nynorsk or English', () => {
    expect(servicesOnlyBokmalNotice('nn', [{ description: null }, described])).toBe('Skildringane av tenestene finst berre på bokmål.');
    expect(servicesOnlyBokmalNotice('en', [{ description: null, conditions: { note: 'Avtales med studiestedet' } }])).toBe(
      'The descriptions of the services exist only in Norwegian (bokmål).',
    );
  });

  it('need no word in bokmål, nor where no service has such a text', () => {
    expect(servicesOnlyBokmalNotice('nb', [described])).toBeNull();
    expect(servicesOnlyBokmalNotice('en', [{ description: null, conditions: { note: null } }])).toBeNull();
  });
});
