/** A valid, readable UUID (v4 layout) from a counter: the 7th actor is …-000000000007. */
export function sequentialUuid(kind: number, n: number): string {
  return `00000000-0000-4000-8${String(kind).padStart(3, '0')}-${String(n).padStart(12, '0')}`;
}

/** A counter of fresh ids of one kind, for the records tests build: `idSequence(2)()` is the next actor id. */
export function idSequence(kind: number): () => string {
  let count = 0;
  return () => sequentialUuid(kind, ++count);
}

/** When the records tests build were made and last changed, unless told otherwise. */
export const TIMESTAMP = '2026-02-03T09:30:00.000Z';
