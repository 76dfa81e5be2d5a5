import { describe, expect, it } from 'vitest';
import { agreementEndingStage, dueReminders, planItemOverdue, surveyDeadlineDue } from './reminder.rules';

describe('agreementEndingStage', () => {
  const today = '2026-03-01';
  it('is "90d" from 90 to 31 days before the end', () => {
    expect(agreementEndingStage('2026-05-30', 'active', today)).toBe('90d'); // 90 days
    expect(agreementEndingStage('2026-04-01', 'active', today)).toBe('90d'); // 31 days
  });
  it('is "30d" from 30 days before the end to the last day', () => {
    expect(agreementEndingStage('2026-03-31', 'active', today)).toBe('30d');
    expect(agreementEndingStage('2026-03-01', 'expiring', today)).toBe('30d');
  });
  it('is nothing earlier than 90 days, after the end, without an end, or for drafts and ended agreements', () => {
    expect(agreementEndingStage('2026-05-31', 'active', today)).toBeNull(); // 91 days
    expect(agreementEndingStage('2026-02-28', 'active', today)).toBeNull();
    expect(agreementEndingStage(null, 'active', today)).toBeNull();
    expect(agreementEndingStage('2026-03-10', 'draft', today)).toBeNull();
    expect(agreementEndingStage('2026-03-10', 'terminated', today)).toBeNull();
  });
});

describe('planItemOverdue', () => {
  it('is overdue the day after its due date while open', () => {
    expect(planItemOverdue('2026-02-28', 'planned', '2026-03-01')).toBe(true);
    expect(planItemOverdue('2026-02-28', 'in_progress', '2026-03-01')).toBe(true);
    expect(planItemOverdue('2026-03-01', 'planned', '2026-03-01')).toBe(false);
  });
  it('is never overdue when done, dropped or without a date', () => {
    expect(planItemOverdue('2026-01-01', 'done', '2026-03-01')).toBe(false);
    expect(planItemOverdue('2026-01-01', 'dropped', '2026-03-01')).toBe(false);
    expect(planItemOverdue(null, 'planned', '2026-03-01')).toBe(false);
  });
});

describe('surveyDeadlineDue', () => {
  it('is due in the last seven days of an open survey, the deadline included', () => {
    expect(surveyDeadlineDue('2026-03-08', 'open', '2026-03-01')).toBe(true);
    expect(surveyDeadlineDue('2026-03-01', 'open', '2026-03-01')).toBe(true);
    expect(surveyDeadlineDue('2026-03-09', 'open', '2026-03-01')).toBe(false);
    expect(surveyDeadlineDue('2026-02-28', 'open', '2026-03-01')).toBe(false);
    expect(surveyDeadlineDue('2026-03-05', 'closed', '2026-03-01')).toBe(false);
  });
});

describe('dueReminders', () => {
  it('lists each due record once with its stage', () => {
    const due = dueReminders(
      {
        agreements: [
          { id: 'a1', endDate: '2026-04-15', status: 'active' },
          { id: 'a2', endDate: '2027-01-01', status: 'active' },
        ],
        planItems: [{ id: 'p1', dueDate: '2026-02-01', status: 'planned' }],
        surveys: [{ id: 's1', deadline: '2026-03-03', status: 'open' }],
      },
      '2026-03-01',
    );
    expect(due).toEqual([
      { kind: 'agreement_ending', recordId: 'a1', stage: '90d' },
      { kind: 'plan_item_overdue', recordId: 'p1', stage: 'overdue' },
      { kind: 'survey_deadline', recordId: 's1', stage: '7d' },
    ]);
  });
});
