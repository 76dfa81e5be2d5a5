/**
 * Norwegian alphabetical order: a–z, then æ, ø, å. Accented letters sort as their base letter,
 * and the Swedish/German letters as their Norwegian counterparts (ä → æ, ö → ø, ü → y).
 *
 * The key is compared byte by byte (COLLATE "C" in SQL), so every database — PGlite,
 * PostgreSQL or a distributed engine — sorts the same without needing an ICU collation.
 */
export function norwegianSortKey(text: string): string {
  const lowered = text.trim().toLocaleLowerCase('nb');
  let key = '';
  for (const char of lowered) {
    key += LETTER_KEYS[char] ?? stripDiacritics(char);
  }
  return key;
}

/** '{', '|' and '}' follow 'z' in byte order. */
const LETTER_KEYS: Record<string, string> = {
  æ: '{',
  ä: '{',
  ø: '|',
  ö: '|',
  å: '}',
  ü: 'y',
};

function stripDiacritics(char: string): string {
  return char.normalize('NFD').replace(/\p{M}/gu, '');
}

export function compareNorwegian(a: string, b: string): number {
  const keyA = norwegianSortKey(a);
  const keyB = norwegianSortKey(b);
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}
