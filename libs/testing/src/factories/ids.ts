/** A valid, readable UUID (v4 layout) from a counter: the 7th actor is …-000000000007. */
export function sequentialUuid(kind: number, n: number): string {
  return `00000000-0000-4000-8${String(kind).padStart(3, '0')}-${String(n).padStart(12, '0')}`;
}
