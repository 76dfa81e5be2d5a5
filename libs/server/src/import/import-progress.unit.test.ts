import { describe, expect, it } from 'vitest';
import { mapInSteps, writeCounter } from './import-progress';

describe('import progress', () => {
  it('says how many rows are checked every 500 rows and at the end, in order', async () => {
    const said: [string, number, number][] = [];
    const mapped = await mapInSteps(Array.from({ length: 1_200 }, (_, i) => i), (n) => n * 2, (phase, done, total) => said.push([phase, done, total]));
    expect(mapped[1_199]).toBe(2_398);
    expect(said).toEqual([
      ['checking', 500, 1_200],
      ['checking', 1_000, 1_200],
      ['checking', 1_200, 1_200],
    ]);
  });

  it('counts the rows written from zero', () => {
    const said: [string, number, number][] = [];
    const wrote = writeCounter((phase, done, total) => said.push([phase, done, total]), 3);
    wrote(2);
    wrote(1);
    expect(said).toEqual([
      ['writing', 0, 3],
      ['writing', 2, 3],
      ['writing', 3, 3],
    ]);
  });
});
