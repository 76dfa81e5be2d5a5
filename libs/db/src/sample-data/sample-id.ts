import { createHash } from 'node:crypto';

/**
 * A stable UUID for a sample record (name-based, like UUID v5), so loading the sample data
 * twice finds the same rows and links between records survive a reload.
 */
export function sampleId(kind: string, key: string): string {
  const hex = createHash('sha1').update(`kompetansebro:${kind}:${key}`).digest('hex');
  const variant = ((parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
}
