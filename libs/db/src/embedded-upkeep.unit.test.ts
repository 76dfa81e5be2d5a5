import { describe, expect, it } from 'vitest';
import { tablesDueForUpkeep, type TableActivity } from './embedded-upkeep';

// PostgreSQL's defaults.
const limits = { vacuumThreshold: 50, vacuumScaleFactor: 0.2, vacuumInsertThreshold: 1000, vacuumInsertScaleFactor: 0.2, analyzeThreshold: 50, analyzeScaleFactor: 0.1 };
const table = (activity: Partial<TableActivity>): TableActivity => ({ table: 'public.t', estimatedRows: 1000, deadRows: 0, insertedSinceVacuum: 0, changedSinceAnalyze: 0, ...activity });

describe('the tables autovacuum would see to', () => {
  it('vacuums past its dead rows threshold (50 + 20 % of the rows) or its inserts threshold (1000 + 20 %)', () => {
    expect(tablesDueForUpkeep([table({ deadRows: 250 })], limits)).toEqual([]);
    expect(tablesDueForUpkeep([table({ deadRows: 251 })], limits)).toEqual([{ table: 'public.t', vacuum: true, analyze: false }]);
    expect(tablesDueForUpkeep([table({ insertedSinceVacuum: 1200 })], limits)).toEqual([]);
    expect(tablesDueForUpkeep([table({ insertedSinceVacuum: 1201 })], limits)).toEqual([{ table: 'public.t', vacuum: true, analyze: false }]);
  });

  it('analyzes past 50 + 10 % of the rows changed, and a table never analyzed once it has any', () => {
    expect(tablesDueForUpkeep([table({ changedSinceAnalyze: 150 })], limits)).toEqual([]);
    expect(tablesDueForUpkeep([table({ changedSinceAnalyze: 151, deadRows: 300 })], limits)).toEqual([{ table: 'public.t', vacuum: true, analyze: true }]);
    expect(tablesDueForUpkeep([table({ estimatedRows: -1, changedSinceAnalyze: 3 })], limits)).toEqual([{ table: 'public.t', vacuum: false, analyze: true }]);
    expect(tablesDueForUpkeep([table({ estimatedRows: -1 })], limits)).toEqual([]);
  });

  it('reads the thresholds it is given', () => {
    expect(tablesDueForUpkeep([table({ deadRows: 60 })], { ...limits, vacuumScaleFactor: 0 })).toEqual([{ table: 'public.t', vacuum: true, analyze: false }]);
  });
});
