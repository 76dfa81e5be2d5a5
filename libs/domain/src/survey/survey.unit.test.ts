import { describe, expect, it } from 'vitest';
import { addDays } from '../common/dates';
import { todayInNorway } from '../common/dates';
import { responseRate, surveyAnswerSchema, surveyCreateSchema } from './survey.schema';

const soon = addDays(todayInNorway(), 30);

const id = '00000000-0000-4000-8000-000000000001';

describe('surveyCreateSchema', () => {
  it('needs a region or a library', () => {
    const result = surveyCreateSchema.safeParse({ name: 'Tjenester 2027', deadline: soon });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['actorIds']);
  });
  it('refuses a deadline in the past', () => {
    const result = surveyCreateSchema.safeParse({ name: 'Tjenester', actorIds: [id], deadline: '2001-01-01' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['deadline']);
  });
  it('refuses a deadline more than a year ahead, naming the field and the rule', () => {
    const result = surveyCreateSchema.safeParse({ name: 'Tjenester', actorIds: [id], deadline: '2199-12-31' });
    expect(result.error?.issues.map((issue) => [issue.path, (issue as { params?: { code?: string } }).params?.code])).toEqual([[['deadline'], 'deadline_too_far']]);
    expect(surveyCreateSchema.safeParse({ name: 'Tjenester', actorIds: [id], deadline: addDays(todayInNorway(), 366) }).success).toBe(true);
  });
  it('takes branches by default', () => {
    expect(surveyCreateSchema.parse({ name: 'Tjenester', actorIds: [id], deadline: soon }).includeBranches).toBe(true);
  });
});

describe('surveyAnswerSchema', () => {
  const service = { id, version: 1, offered: true, hours: 'staffed', weeklyHours: 20, contractRequired: false, note: null };
  it('names the field of a bad weekly-hours figure', () => {
    const result = surveyAnswerSchema.safeParse({ answeredBy: 'Kari', services: [{ ...service, weeklyHours: 200 }] });
    expect(result.error?.issues[0]?.path).toEqual(['services', 0, 'weeklyHours']);
  });
  it('refuses the same service twice', () => {
    const result = surveyAnswerSchema.safeParse({ answeredBy: 'Kari', services: [service, service] });
    expect(result.error?.issues[0]?.path).toEqual(['services', 1, 'id']);
  });
});

describe('responseRate', () => {
  it('rounds to a whole percent and is 0 for nobody asked', () => {
    expect(responseRate(1, 3)).toBe(33);
    expect(responseRate(0, 0)).toBe(0);
  });
});
