/** The If-Match value for a record read at `version` (the server's ETag is the version). */
export function ifMatch(version: number): string {
  return `"${version}"`;
}
