// How far an import's job is: the rows checked against the register, then (an apply) written.
// The job writes it where the screen reads it (import-job.ts); the repository only says it.

export type ImportPhase = 'checking' | 'writing';
export type ImportProgress = (phase: ImportPhase, done: number, total: number) => void;
export const noProgress: ImportProgress = () => undefined;

const STEP = 500;

/** Maps the rows in order, saying how far it is every few hundred rows and letting other work (the progress write) run between. */
export async function mapInSteps<T, R>(items: readonly T[], each: (item: T, index: number) => R, progress: ImportProgress): Promise<R[]> {
  const mapped: R[] = [];
  for (const [index, item] of items.entries()) {
    mapped.push(each(item, index));
    if ((index + 1) % STEP === 0 && index + 1 < items.length) {
      progress('checking', index + 1, items.length);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  progress('checking', items.length, items.length);
  return mapped;
}

/** Counts the rows written of `total`, saying so as it goes (the job's writer decides how often it is stored). */
export function writeCounter(progress: ImportProgress, total: number): (count: number) => void {
  let written = 0;
  progress('writing', 0, total);
  return (count) => progress('writing', (written += count), total);
}
