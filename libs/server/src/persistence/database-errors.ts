/** PostgreSQL's unique-violation error (23505), from pg or PGlite alike. */
export function uniqueViolation(error: unknown): { constraint: string | undefined } | null {
  if (typeof error === 'object' && error !== null && 'code' in error && error.code === '23505') {
    const constraint = 'constraint' in error && typeof error.constraint === 'string' ? error.constraint : undefined;
    return { constraint };
  }
  return null;
}
